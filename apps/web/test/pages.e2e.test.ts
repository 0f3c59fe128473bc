import { rm } from 'node:fs/promises';
import { startGateway, type RunningGateway } from '@ip/gateway';
import { scratchFolder } from '@ip/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  composedSupergraph,
  kindergeldAntragEingegangen,
  startSystem,
  type System,
} from '../../../test/support/system.ts';
import { ensureBuilt } from '../server/build.ts';
import { startWebServer, type RunningWebServer } from '../server/web-server.ts';
import { launchBrowser, staysLocal, type Browser, type RecordedPage } from './support/browser.ts';

/**
 * The pages and the explorer in Debian's Chromium, against the whole system over real HTTP: four partners
 * on their own databases, the gateway, the pages' own server on the built pages. Screenshots land in
 * apps/web/test/artifacts/.
 */
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** The day the dashboard opens on, as `npm start` sets it: the demo population's reference day. */
const STICHTAG = '2015-12-01';
/** Browsers on a loaded 2-core machine: generous, but every wait below is for a named element or text. */
const SLOW = { timeout: 180_000 };

let dist: string;
let system: System;
let web: RunningWebServer;
let explorerGateway: RunningGateway;
let browser: Browser;
const opened: RecordedPage[] = [];

const tokenOf = async (agency: string, role: string) =>
  (await system.issuer.bearer(agency, role)).replace(/^Bearer /, '');

beforeAll(async () => {
  // Built for this run, in a folder of its own: a build of npm start's may be going on in apps/web/dist.
  dist = await scratchFolder('ip-web-dist-');
  await ensureBuilt(dist, () => undefined);
  system = await startSystem({ households: 60 });
  // The demo's regional flow, drawn small for 60 households, leaves a few overdue applications, not a second
  // page of them: 25 more, received in October and November 2015 and still open, as the partners record them
  // (the Jobcenter issues the packet, the Familienkasse scans the envelope).
  const adults = system.population.persons.filter((person) => person.geburtsdatum < '1997-01-01').slice(0, 25);
  for (const [index, person] of adults.entries()) {
    const day = String(1 + (index % 28)).padStart(2, '0');
    const month = index < 14 ? '10' : '11';
    await kindergeldAntragEingegangen(system, person.id, {
      ausgegebenAm: `2015-${month}-01`,
      eingangAm: `2015-${month}-${day}`,
    });
  }
  web = await startWebServer({
    port: 0,
    host: '127.0.0.1',
    distDir: dist,
    gatewayUrl: system.gatewayUrl,
    familienkassen: ['515', '534', '548'],
    stichtag: STICHTAG,
    tokenIssuer: tokenOf,
  });
  // The system's gateway has no explorer (as in production); this one has, with the helper of the embedded default.
  explorerGateway = await startGateway({
    supergraph: composedSupergraph(),
    subgraphUrls: system.subgraphUrls,
    verifyToken: system.issuer.verifyToken,
    port: 0,
    host: '127.0.0.1',
    explorer: { tokenIssuer: tokenOf },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await explorerGateway?.stop();
  await web?.stop();
  await system?.stop();
  if (dist) await rm(dist, { recursive: true, force: true });
});

async function open(size: { width: number; height: number }, hash = ''): Promise<RecordedPage> {
  const recorded = await browser.open(size);
  opened.push(recorded);
  await recorded.page.goto(`${web.url}${hash}`);
  return recorded;
}

/** Signs in with the keyboard only: Tab to each control, arrow keys in the selects, Enter to send. */
async function signIn({ page }: RecordedPage, behoerde: string, rolle: string): Promise<void> {
  await page.getByLabel('Behörde').focus();
  await page.getByLabel('Behörde').selectOption({ label: behoerde });
  await page.keyboard.press('Tab');
  await page.getByLabel('Rolle').selectOption({ label: rolle });
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Anmelden');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Abmelden' }).waitFor();
}

/** Every request of every page stayed on this machine, and no page reported an error (a CSP violation, say). */
function expectNothingLeftTheMachine(recorded: RecordedPage): void {
  expect(recorded.requests.length).toBeGreaterThan(0);
  expect(recorded.requests.filter((url) => !staysLocal(url))).toEqual([]);
}

describe('the SLA dashboard', SLOW, () => {
  it('shows a team lead the chart and the figures per Familienkasse, and the overdue list refused', async () => {
    const recorded = await open(DESKTOP, '#/sla');
    const { page } = recorded;
    await signIn(recorded, 'Jobcenter', 'Teamleitung');
    // The figures are the graph's: a bar for every month with a rate, and the total row's count received.
    const report = await system.query<{
      kindergeldSlaBericht: {
        gesamt: { eingegangen: number; quoteEingehalten: number | null };
        zeitraeume: { kennzahlen: { quoteEingehalten: number | null } }[];
      };
    }>(
      `{ kindergeldSlaBericht(von: "2015-01-01", bis: "${STICHTAG}", stichtag: "${STICHTAG}") { gesamt { eingegangen quoteEingehalten } zeitraeume { kennzahlen { quoteEingehalten } } } }`,
      {},
      { agency: 'jobcenter', role: 'teamleitung' },
    );
    const { gesamt, zeitraeume } = report.data!.kindergeldSlaBericht;
    const bars = page.locator('[data-testid=sla-chart] rect');
    // A month with a rate of 0 % is a bar of no height, which is never "visible": wait for it in the page.
    await bars.first().waitFor({ state: 'attached' });
    expect(await bars.count()).toBe(
      zeitraeume.filter((zeitraum) => zeitraum.kennzahlen.quoteEingehalten !== null).length,
    );
    // The demo's flow fills the autumn: several months with a rate, most applications decided in time.
    expect(await bars.count()).toBeGreaterThanOrEqual(3);
    expect(gesamt.quoteEingehalten).toBeGreaterThan(0.5);
    const heights = await bars.evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('height'))));
    expect(heights.filter((height) => height > 0).length).toBeGreaterThanOrEqual(3);
    const summary = page.locator('.summary');
    await expect.poll(() => summary.textContent()).toContain(`${gesamt.eingegangen} Anträge aus dem Paket`);
    expect(await summary.textContent()).toMatch(/(?<![\d,])[1-9]\d{0,2}(,\d)?\s% der beschiedenen fristgerecht/);
    expect(await page.locator('[data-testid=sla-chart] text', { hasText: /^(Jan|Mär|Dez) 15$/ }).count()).toBe(3);
    const rows = page.locator('[data-testid=sla-familienkassen] tbody tr');
    await expect.poll(() => rows.filter({ hasText: /^Familienkasse \d{3}\s*\d/ }).count()).toBe(3);
    const total = page.locator('[data-testid=sla-familienkassen] tbody tr.total td').first();
    await expect.poll(() => total.textContent()).toBe(String(gesamt.eingegangen));
    expect(gesamt.eingegangen).toBeGreaterThan(25);
    // The page asked for the overdue list too; the Familienkasse refused it to the Jobcenter's team lead.
    const refusal = page
      .locator('section', { has: page.getByRole('heading', { name: /Überfällige Anträge/ }) })
      .locator('.refusal');
    await expect.poll(() => refusal.getAttribute('data-code')).toBe('FORBIDDEN');
    await recorded.screenshot('sla-teamleitung-1280x800');
    // Per week, chosen with the keyboard: a bar for every week of the flow with a decision in it.
    await page.getByRole('radio', { name: 'Monat' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: 'Fristgerecht beschieden je Woche' }).waitFor();
    await expect.poll(() => bars.count()).toBeGreaterThanOrEqual(10);
    const weekly = await bars.evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('height'))));
    expect(weekly.filter((height) => height > 0).length).toBeGreaterThanOrEqual(10);
    await recorded.screenshot('sla-teamleitung-wochen-1280x800');
    expectNothingLeftTheMachine(recorded);
    expect(recorded.problems).toEqual([]);
  });

  it('lets Familienkasse staff pick a Stichtag and page through the overdue list', async () => {
    const recorded = await open(DESKTOP, '#/sla');
    const { page } = recorded;
    await signIn(recorded, 'Familienkasse', 'Sachbearbeitung');
    const stichtag = '2015-11-30';
    const expected = await system.query<{ ueberfaelligeKindergeldantraege: { totalCount: number } }>(
      `{ ueberfaelligeKindergeldantraege(stichtag: "${stichtag}") { totalCount } }`,
      {},
      { agency: 'familienkasse', role: 'sachbearbeitung' },
    );
    const count = expected.data!.ueberfaelligeKindergeldantraege.totalCount;
    expect(count, 'the demo needs more than a page of overdue applications on the Stichtag').toBeGreaterThan(10);
    await expect
      .poll(() => page.getByTestId('ueberfaellig-stand').textContent())
      .toMatch(/^Seite 1: Anträge 1–10 von \d+$/);
    // Exact: the filter form's own label ("Zeitraum und Stichtag") contains the word too.
    await page.getByLabel('Stichtag', { exact: true }).fill(stichtag);
    const stand = page.getByTestId('ueberfaellig-stand');
    await expect.poll(() => stand.textContent()).toBe(`Seite 1: Anträge 1–10 von ${count}`);
    const list = page.locator('[data-testid=ueberfaellig-liste] tbody tr');
    const first = await list.first().locator('th').textContent();
    await page.getByRole('button', { name: 'Nächste Seite' }).click();
    await expect.poll(() => stand.textContent()).toBe(`Seite 2: Anträge 11–${Math.min(20, count)} von ${count}`);
    expect(await list.first().locator('th').textContent()).not.toBe(first);
    await recorded.screenshot('sla-familienkasse-seite-2-1280x800');
    await page.getByRole('button', { name: 'Vorherige Seite' }).click();
    await expect.poll(() => stand.textContent()).toBe(`Seite 1: Anträge 1–10 von ${count}`);
    expect(await list.first().locator('th').textContent()).toBe(first);
    expectNothingLeftTheMachine(recorded);
    expect(recorded.problems).toEqual([]);
  });

  it('is readable on a phone', async () => {
    const recorded = await open(PHONE, '#/sla');
    await signIn(recorded, 'Familienkasse', 'Teamleitung');
    await recorded.page.locator('[data-testid=sla-chart] rect').first().waitFor({ state: 'attached' });
    // Nothing wider than the screen but the tables, which scroll inside their own box.
    expect(await recorded.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // The chart is drawn for the phone: its axis labels are as tall on screen as small print, not 5 px.
    const label = recorded.page.locator('[data-testid=sla-chart] text.axis').first();
    expect((await label.boundingBox())!.height).toBeGreaterThanOrEqual(10);
    await recorded.screenshot('sla-familienkasse-teamleitung-phone');
  });
});

describe('the person card', SLOW, () => {
  it('tells a Jobcenter caseworker which owner withheld Kindergeld and that consent is missing', async () => {
    // A person whose Kindergeld the Familienkasse does not release to the Jobcenter, as the graph says.
    const probe = await system.query<{ personen: { edges: { node: { id: string } }[] } }>(
      `{ personen(first: 100) { edges { node { id kindergeldantraege { id } } } } }`,
      {},
      { agency: 'jobcenter', role: 'fallmanagement' },
    );
    const refused = (probe.errors ?? []).find(
      (error) => error.extensions?.['code'] === 'EINWILLIGUNG_FEHLT' && error.path?.[4] === 'kindergeldantraege',
    );
    expect(refused, 'the demo has persons without Kindergeld consent').toBeDefined();
    const id = probe.data!.personen.edges[refused!.path![2] as number]!.node.id;

    const recorded = await open(DESKTOP, '#/personen');
    const { page } = recorded;
    await signIn(recorded, 'Jobcenter', 'Fallmanagement');
    await page.getByTestId('personen-liste').locator('li').first().waitFor();
    await recorded.screenshot('personen-liste-jobcenter-1280x800');
    // Opened from the keyboard: the reference typed into its field, Enter.
    await page.getByLabel('Personenreferenz').fill(id);
    await page.getByLabel('Personenreferenz').press('Enter');
    const familienkasse = page.locator('section[data-partner=familienkasse]');
    const refusal = familienkasse.locator('.refusal');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('EINWILLIGUNG_FEHLT');
    expect(await refusal.textContent()).toMatch(
      /Familienkasse gibt die Kategorie „Kindergeld“ nicht an Jobcenter frei: Es fehlt die Einwilligung der Person/,
    );
    // The Jobcenter's own section is answered, not refused.
    expect(await page.locator('section[data-partner=jobcenter] .refusal').count()).toBe(0);
    await recorded.screenshot('personenkarte-jobcenter-ohne-kindergeld-einwilligung-1280x800');
    expectNothingLeftTheMachine(recorded);
    expect(recorded.problems).toEqual([]);

    const phone = await open(PHONE, `#/personen/${id}`);
    await signIn(phone, 'Jobcenter', 'Fallmanagement');
    await phone.page.locator('section[data-partner=familienkasse] .refusal').waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await phone.screenshot('personenkarte-jobcenter-phone');
  });
});

describe('the explorer', SLOW, () => {
  it('loads, gets a token and answers a query with no request leaving the machine', async () => {
    const recorded = await browser.open(DESKTOP);
    opened.push(recorded);
    const { page } = recorded;
    await page.goto(new URL('/graphql', explorerGateway.url).toString());
    expect(page.url()).toMatch(/\/explorer\/$/);
    await page.locator('select[name=agency]').selectOption('familienkasse');
    await page.locator('select[name=role]').selectOption('sachbearbeitung');
    await page.getByRole('button', { name: 'Token holen' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/Token für familienkasse \/ sachbearbeitung/);
    // The answer is read from the wire: the response pane renders only the lines in view, and this one
    // starts with the Ausländerbehörde's refusals of identities the Familienkasse may not see.
    const [answer] = await Promise.all([
      page.waitForResponse(
        (response) =>
          response.request().method() === 'POST' && (response.request().postData() ?? '').includes('personen'),
      ),
      page.locator('.graphiql-execute-button').click(),
    ]);
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as { data?: { personen?: { totalCount?: number } } };
    expect(body.data?.personen?.totalCount).toBeGreaterThan(0);
    // The pane shows the answer (its first lines: refusals whose path names the field asked).
    await expect.poll(() => page.locator('.graphiql-response').textContent()).toContain('"personen"');
    await recorded.screenshot('explorer-1280x800');
    expectNothingLeftTheMachine(recorded);
    // Only the token helper's 401s before a token was fetched (GraphiQL loads the schema at once) may show.
    expect(recorded.problems.filter((problem) => !/status of 401/.test(problem))).toEqual([]);
    expect(recorded.problems.length).toBeLessThanOrEqual(2);
    expect(recorded.requests.some((url) => url.endsWith('/explorer/graphiql.min.js'))).toBe(true);
  });
});
