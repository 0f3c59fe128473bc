import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); CHROMIUM_PATH names another. */
const EXECUTABLE = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Screenshots of every page the tests open, kept after the run (git-ignored). */
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** No background traffic of the browser's own: what the tests record is what the pages ask for. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  /** A new tab of the given size that records every request it makes, and every console error. */
  open(size: { width: number; height: number }): Promise<RecordedPage>;
  close(): Promise<void>;
}

export interface RecordedPage {
  readonly page: Page;
  /** Every URL the page requested, in order, including those a route refused. */
  readonly requests: readonly string[];
  /** Console errors and uncaught exceptions, CSP violations among them. */
  readonly problems: readonly string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * One headless Chromium for the file, and a fresh context (a profile of its own: no cookies, storage or
 * cache shared) for every page it opens: a context costs a few milliseconds where a browser of its own per
 * page cost a second of CPU. Fails with a clear message where Chromium is missing.
 */
export async function launchBrowser(): Promise<Browser> {
  await access(EXECUTABLE).catch(() => {
    throw new Error(`no Chromium at ${EXECUTABLE}: apt-get install -y chromium chromium-l10n (or set CHROMIUM_PATH)`);
  });
  await mkdir(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: EXECUTABLE,
    args: ARGS,
    // Chromium formats date fields in its own UI language, not the page's, and on Linux takes that from
    // the environment, not from --lang: a German office's browser is German (package chromium-l10n).
    env: { ...process.env, LANGUAGE: 'de', LANG: 'de_DE.UTF-8' },
  });
  const contexts: BrowserContext[] = [];
  return {
    async open(size) {
      const context = await browser.newContext({ viewport: size, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
      contexts.push(context);
      const requests: string[] = [];
      const problems: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      return {
        page,
        requests,
        problems,
        async screenshot(name) {
          const path = join(ARTIFACTS, `${name}.png`);
          await page.screenshot({ path, fullPage: true });
          return path;
        },
        close: () => context.close(),
      };
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close()));
      await browser.close();
    },
  };
}

/** True for a URL that stays on this machine (or never leaves the browser: data:, blob:, about:). */
export function staysLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}
