import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../', import.meta.url));
/** What the build reads: the pages' sources and config, and the lock file (a dependency changed). */
const INPUTS = ['index.html', 'vite.config.ts', 'package.json', 'src', '../../package-lock.json'];

async function newest(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  const times = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => (await stat(join(entry.parentPath, entry.name))).mtimeMs),
  );
  return Math.max(0, ...times);
}

/** True when `distDir` holds no build, or one older than a source of it. */
async function isStale(distDir: string): Promise<boolean> {
  const built = await newest(join(distDir, 'index.html'));
  if (built === 0) return true;
  const sources = await Promise.all(INPUTS.map((input) => newest(join(WEB, input))));
  return Math.max(...sources) > built;
}

/**
 * Builds the pages with Vite into `distDir` when they are missing or stale: `npm start` on a fresh clone
 * builds them once, from what `npm ci` installed, with no network. Vite is loaded only when it builds.
 */
export async function ensureBuilt(distDir: string, log: (line: string) => void): Promise<void> {
  if (!(await isStale(distDir))) return;
  log(`building the pages into ${distDir} ...`);
  const started = performance.now();
  const { build } = await import('vite');
  await build({ configFile: join(WEB, 'vite.config.ts'), build: { outDir: distDir, emptyOutDir: true } });
  log(`pages built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
