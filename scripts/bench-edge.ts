import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { PARTNERS, type Agency } from '@ip/kit/identity';
import { localIssuer, post } from './edge/client.ts';
import { corpusProbes } from './edge/corpus.ts';
import { partnerProbes } from './edge/partners.ts';
import { listeningPid, memoryOf, portOf, type Memory } from './edge/proc.ts';
import type { Outcome, Probe, ProbeContext } from './edge/probes.ts';

/**
 * `npm run bench:edge`: issue 11's hostile and clumsy requests, one by one, against a running system
 * (`npm start`). Per probe: time, HTTP status, error codes, answer size, the gateway's memory before and
 * after, and how long a normal small query sent at the same moment took. Loopback only; every probe is
 * bounded in time; a stopped partner is always resumed. The kill probe goes last: on a launcher that does
 * not supervise, it ends the system.
 */
const { values } = parseArgs({
  options: {
    url: {
      type: 'string',
      default: process.env['GATEWAY_URL'] ?? `http://localhost:${process.env['GATEWAY_PORT'] ?? 4000}/graphql`,
    },
    'stall-seconds': { type: 'string', default: '20' },
    'restart-wait-seconds': { type: 'string', default: '30' },
    'timeout-seconds': { type: 'string', default: '90' },
    'companion-delay-ms': { type: 'string', default: '50' },
    'settle-seconds': { type: 'string', default: '180' },
    only: { type: 'string' },
    skip: { type: 'string', default: '' },
  },
});

const subgraphUrls = Object.fromEntries(
  PARTNERS.map(({ name, envPrefix, port }) => [
    name,
    process.env[`${envPrefix}_URL`] ?? `http://localhost:${process.env[`${envPrefix}_PORT`] ?? port}/graphql`,
  ]),
) as Record<Agency, string>;
for (const url of [values.url, ...Object.values(subgraphUrls)]) {
  if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname))
    throw new Error(`the edge bench probes loopback only, not ${url}`);
}

const issuer = await localIssuer();
const tokens = new Map<string, string>();
async function as(agency: Agency, role: string): Promise<Record<string, string>> {
  const key = `${agency}/${role}`;
  if (!tokens.has(key)) tokens.set(key, await issuer.bearer(agency, role));
  return { authorization: tokens.get(key)! };
}
const timeoutMs = Number(values['timeout-seconds']) * 1000;

const personen = await post(
  values.url,
  { query: '{ personen(first: 100) { edges { node { id } } } }' },
  await as('auslaenderbehoerde', 'sachbearbeitung'),
  timeoutMs,
);
const personIds = (
  (personen.body?.data as { personen?: { edges: { node: { id: string } }[] } } | undefined)?.personen?.edges ?? []
).map((edge) => edge.node.id);
if (personIds.length < 30)
  throw new Error(
    `the gateway at ${values.url} gave ${personIds.length} persons: is the system up with its demo data?`,
  );
let nextPerson = 1;
const context: ProbeContext = {
  gatewayUrl: values.url,
  subgraphUrls,
  issuer,
  personIds,
  timeoutMs,
  stallSeconds: Number(values['stall-seconds']),
  restartWaitSeconds: Number(values['restart-wait-seconds']),
  as,
  nextPerson: () => personIds[nextPerson++ % personIds.length]!,
};

const NORMAL = `query Normal($id: ID!) { person(id: $id) { identitaet { nachname } } }`;
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();
const mb = (memory: Memory | undefined) => (memory ? memory.rssMb.toFixed(0) : '–');

function row(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
}

function codesOf(outcome: Outcome): string {
  if (outcome.codes.length === 0) return '–';
  const distinct = [...new Set(outcome.codes)];
  return `${distinct.slice(0, 3).join(', ')}${distinct.length > 3 ? ', …' : ''} (${outcome.codes.length})`;
}

/**
 * Waits until a normal query answers within a second again (bounded): a probe the client gave up on may
 * still be running in the services, and the next probe's figures must not carry its cost.
 */
async function settle(): Promise<string> {
  const started = performance.now();
  while (performance.now() - started < Number(values['settle-seconds']) * 1000) {
    const normal = await post(
      values.url,
      { query: NORMAL, variables: { id: personIds[0] } },
      await as('auslaenderbehoerde', 'sachbearbeitung'),
      5000,
    );
    if (normal.status === 'ERR' && normal.failure?.includes('ECONNREFUSED')) return '; gateway not listening';
    if (normal.status === 200 && normal.ms < 1000) {
      const waited = (performance.now() - started) / 1000;
      return waited > 2 ? `; system busy for ${waited.toFixed(0)} s after the answer` : '';
    }
    await sleep(1000);
  }
  return `; system still busy ${values['settle-seconds']} s after the answer`;
}

async function measure(probe: Probe): Promise<string> {
  const prepared = await probe.prepare?.(context);
  const gatewayPid = listeningPid(portOf(values.url));
  const before = memoryOf(gatewayPid);
  const load = loadavg().split(' ')[0]!;
  const running = probe
    .run(context, prepared)
    .catch((error: unknown): Outcome => ({ ms: 0, status: 'bench error', codes: [], bytes: 0, note: String(error) }));
  await sleep(Number(values['companion-delay-ms']));
  const [outcome, normal] = await Promise.all([
    running,
    post(
      values.url,
      { query: NORMAL, variables: { id: personIds[0] } },
      await as('auslaenderbehoerde', 'sachbearbeitung'),
      timeoutMs,
    ),
  ]);
  const after = memoryOf(listeningPid(portOf(values.url)) ?? gatewayPid);
  const settled = await settle();
  const normalText =
    normal.status === 200 && !normal.body?.errors
      ? normal.ms.toFixed(0)
      : `${normal.ms.toFixed(0)} (${normal.status}${normal.failure ? ` ${normal.failure}` : ''})`;
  return row([
    probe.name,
    outcome.ms.toFixed(0),
    outcome.status,
    codesOf(outcome),
    outcome.bytes.toLocaleString('en'),
    `${mb(before)} → ${mb(after)} (peak ${after ? after.peakMb.toFixed(0) : '–'})`,
    normalText,
    load,
    `${outcome.note ?? ''}${settled}`,
  ]);
}

const skip = new Set(values.skip.split(',').filter(Boolean));
const only = values.only ? new Set(values.only.split(',')) : undefined;
const probes = [...corpusProbes(context), ...partnerProbes()].filter(
  (probe) => !skip.has(probe.name) && (!only || only.has(probe.name)),
);

console.log(`# edge bench ${new Date().toISOString()} against ${values.url}`);
console.log(
  `loadavg at start: ${loadavg()}; gateway pid ${listeningPid(portOf(values.url)) ?? 'not found'}; ${personIds.length} person ids\n`,
);
console.log(
  row([
    'probe',
    'ms',
    'HTTP',
    'codes (count)',
    'answer bytes',
    'gateway RSS MB before → after (peak)',
    'normal query ms',
    'load 1m',
    'note',
  ]),
);
console.log(row(['---', '---:', '---', '---', '---:', '---', '---:', '---:', '---']));
for (const probe of probes) console.log(await measure(probe));
console.log(`\nloadavg at end: ${loadavg()}`);
