import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import * as agentur from '@ip/agentur';
import * as familienkasse from '@ip/familienkasse';
import { openDatabase, type RunningServer } from '@ip/kit';
import { generatePopulation, type Population } from '@ip/kit/demo';
import {
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  ensureLocalIssuer,
  identityConfig,
  signLocalToken,
  type TokenVerifier,
} from '@ip/kit/identity';
import { benchDatabase } from '../subgraphs/familienkasse/bench/bulk-seed.ts';
import { watchSla } from '../subgraphs/familienkasse/src/sla-metrics.ts';
import { configureLogging } from '@ip/observability';
import { startOtlpCollector } from '@ip/observability/testing';
import { registeredPartnerModules, type PartnerModule } from '../test/support/partner-modules.ts';
import { PERSON_VIEW } from '../test/support/person-view-query.ts';

/**
 * `npm run bench:observability`: what logs, metrics and traces cost.
 * 1. The Familienkasse's `/metrics` on 1,000,000 applications (the database `npm run bench` makes, on
 *    BENCH_DATABASE_URL): scrapes once the figures are read, scrapes while the first read runs, and the
 *    background read itself. Target < 50 ms per scrape.
 * 2. The gateway's CPU per person view at a fixed rate (BENCH_RATE per second for BENCH_SECONDS, BENCH_ROUNDS
 *    rounds), as its own process (CPU time from /proc), with everything off (LOG_LEVEL=silent,
 *    METRICS_ENABLED=false, no collector) and everything on (a JSON line per request, metrics scraped every
 *    5 s, traces sent over OTLP to a stand-in collector), the two gateways side by side. Target: on at most
 *    5 % above off. Every registered partner's subgraph runs in this process on a database of its own.
 * Ports from BENCH_PORT_BASE (default 4160): gateways +0 and +6, subgraphs +1..+5, collector +9. BENCH_CPU_PROF=<folder>
 * has each gateway write its CPU profiles there (folders `off-1`, `on-1`, ...; the largest file is the main thread's).
 * BENCH_WARMUP (100): person views each gateway answers, one at a time, before a round is measured.
 * The load generator, the subgraphs and the collector run in this process; only the gateway's own process
 * (all its threads) is measured. BENCH_WITHOUT=traces,logs,metrics makes on the same as off: the noise.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SERVER = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BASE = Number(process.env['BENCH_PORT_BASE'] ?? 4160);
const RATE = Number(process.env['BENCH_RATE'] ?? 10);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 4);
/** Person views each gateway answers before a round is measured. */
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 100);
/** A folder: each gateway writes a V8 CPU profile there (`--cpu-prof`) when it stops, named after its mode. */
const CPU_PROF = process.env['BENCH_CPU_PROF'];

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const percentile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;

async function scrapeOnMillion(): Promise<void> {
  const stichtag = '2016-12-31';
  const db = await benchDatabase(SERVER, 1_000_000, stichtag);
  const issuer = await mkdtemp(join(tmpdir(), 'ip-bench-obs-'));
  await ensureLocalIssuer(issuer);
  const server = await familienkasse.startFamilienkasse(db, {
    port: BASE + 5,
    verifyToken: await createTokenVerifier(identityConfig({ AUTH_LOCAL_ISSUER_DIR: issuer })),
  });
  const url = server.url.replace(/\/graphql$/, '/metrics');
  const scrape = async () => {
    const started = performance.now();
    const text = await (await fetch(url)).text();
    return { ms: performance.now() - started, text };
  };
  const early: number[] = [];
  const reads: number[] = [];
  const warm: number[] = [];
  let sample = '';
  for (let round = 0; round < 20; round += 1) {
    // A fresh watch, as at the service's start: its first read runs in the background; a scrape never waits.
    const started = performance.now();
    const watch = watchSla(db, () => stichtag);
    const first = watch.firstRead.then(() => reads.push(performance.now() - started));
    early.push((await scrape()).ms);
    await first;
    for (let again = 0; again < 5; again += 1) {
      const next = await scrape();
      warm.push(next.ms);
      sample = next.text;
    }
    watch.stop();
  }
  const figures = (values: number[]) =>
    `p50 ${percentile(values, 0.5).toFixed(1)} ms  p95 ${percentile(values, 0.95).toFixed(1)} ms  (${values.length})`;
  console.log(`\n/metrics of the Familienkasse on 1,000,000 applications (Stichtag ${stichtag}); load ${load()}`);
  console.log(`  scrape with figures (every scrape once the first read is done): ${figures(warm)}`);
  console.log(`  scrape during the first read (answers without the Kindergeld gauges): ${figures(early)}`);
  console.log(`  the read itself, in the background at start and every 30 s:   ${figures(reads)}`);
  console.log(
    sample
      .split('\n')
      .filter((line) => line.startsWith('ip_familienkasse_') && /"(515|534)"|ratio/.test(line))
      .map((line) => `  ${line}`)
      .join('\n'),
  );
  await server.stop();
  await db.destroy();
  await rm(issuer, { recursive: true, force: true });
}

interface Partners {
  readonly urls: Record<string, string>;
  stop(): Promise<void>;
}

/** Every registered partner's subgraph with the demo population, each on a database of its own on the server. */
async function startPartners(population: Population, verifyToken: TokenVerifier): Promise<Partners> {
  const admin = await openDatabase<unknown>({ kind: 'server', url: SERVER });
  const servers: RunningServer[] = [];
  const databases: Kysely<unknown>[] = [];
  const urls: Record<string, string> = {};
  // The Agentur takes the gateway's address; every other partner is started as its package exports it.
  const partners: Record<string, PartnerModule> = {
    // (the person view asks it nothing that it would ask the graph for)
    agentur: agentur.createAgentur(agentur.DEFAULT_SETTINGS, () => `http://localhost:${BASE}/graphql`) as PartnerModule,
    ...(await registeredPartnerModules()),
  };
  let port = BASE + 1;
  for (const [name, partner] of Object.entries(partners)) {
    const database = `ip_bench_obs_${name}`;
    await sql`drop database if exists ${sql.id(database)} with (force)`.execute(admin);
    await sql`create database ${sql.id(database)}`.execute(admin);
    const url = new URL(SERVER);
    url.pathname = `/${database}`;
    const db = await openDatabase<unknown>({ kind: 'server', url: url.toString() });
    await partner.prepareDatabase(db, population);
    databases.push(db);
    const server = await partner.start(db, { port: port++, verifyToken });
    servers.push(server);
    urls[`${name.toUpperCase()}_URL`] = server.url;
  }
  return {
    urls,
    async stop() {
      await Promise.all(servers.map((server) => server.stop()));
      await Promise.all(databases.map((db) => db.destroy()));
      for (const name of Object.keys(partners))
        await sql`drop database if exists ${sql.id(`ip_bench_obs_${name}`)} with (force)`.execute(admin);
      await admin.destroy();
    },
  };
}

/**
 * utime + stime of a process in milliseconds (/proc/<pid>/task/<tid>/stat fields 14 and 15, 100 ticks per
 * second): its main thread (tid = pid, where JavaScript runs) and its other threads (V8's garbage collector
 * helpers, libuv's pool, tsx's module loader), which a V8 profile of the main thread does not show.
 */
async function cpuMs(pid: number): Promise<{ main: number; other: number }> {
  let main = 0;
  let other = 0;
  for (const tid of await readdir(`/proc/${pid}/task`)) {
    const fields = (await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * 10;
    if (Number(tid) === pid) main += ms;
    else other += ms;
  }
  return { main, other };
}

const percent = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)} %`;
const percentOf = (value: number, base: number) => percent((value / base - 1) * 100);

interface Gateway {
  readonly child: ChildProcess;
  readonly url: string;
  /** Whether `/metrics` answers (scraped every 5 s, as Prometheus would). */
  readonly scrape: boolean;
}

async function startGateway(
  env: Record<string, string>,
  port: number,
  name: string,
  scrape: boolean,
): Promise<Gateway> {
  // A folder per gateway: tsx's module loader thread writes a profile of its own beside the main thread's.
  const profile = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(CPU_PROF, name)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'gateway/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      GATEWAY_PORT: String(port),
      HOST: 'localhost',
      SUPERGRAPH_PATH: join(ROOT, 'schema/supergraph.graphql'),
      LOG_PRETTY: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  // Every line is read and dropped, as a log shipper would read it.
  child.stdout!.resume();
  await new Promise<void>((resolve, reject) => {
    child.on('message', (message: { ready?: string }) => message.ready === 'gateway' && resolve());
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
  });
  return { child, url: `http://localhost:${port}`, scrape };
}

interface Measured {
  readonly cpuPerRequest: number;
  readonly mainPerRequest: number;
  readonly p95: number;
}

/**
 * Person views at RATE per second to each gateway for SECONDS, the two gateways' requests interleaved:
 * both see the same moments of the shared machine's load. Each gateway's CPU time per request.
 */
async function drive(gateways: readonly Gateway[], tokens: string[], personIds: string[]): Promise<Measured[]> {
  const ask = async (gateway: Gateway, index: number) => {
    const started = performance.now();
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: tokens[index % tokens.length]! },
      body: JSON.stringify({ query: PERSON_VIEW, variables: { id: personIds[index % personIds.length] } }),
    });
    const body = (await response.json()) as { data?: unknown };
    if (!body.data) throw new Error(`no answer: ${JSON.stringify(body).slice(0, 300)}`);
    return performance.now() - started;
  };
  // Warm-up: plans cached, JIT warm.
  for (let index = 0; index < WARMUP; index += 1) for (const gateway of gateways) await ask(gateway, index);
  const before = await Promise.all(gateways.map((gateway) => cpuMs(gateway.child.pid!)));
  const times = gateways.map((): Promise<number>[] => []);
  const total = RATE * SECONDS;
  const began = performance.now();
  for (let index = 0; index < total; index += 1) {
    const due = began + (index * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    // Which gateway is asked first alternates with every request: the one asked second found the caches
    // warmed by the first and cost less, by up to ten points when the order was kept for a whole round.
    const slots = index % 2 === 0 ? [0, 1] : [1, 0];
    for (const slot of slots) {
      const gateway = gateways[slot];
      if (!gateway) continue;
      // On an overloaded machine a request may fail; it is counted, not fatal to the run.
      times[slot]!.push(ask(gateway, index).catch(() => Number.NaN));
      if (gateway.scrape && index % (RATE * 5) === 0)
        void fetch(`${gateway.url}/metrics`).then((response) => response.text());
    }
  }
  const latencies = await Promise.all(times.map((promises) => Promise.all(promises)));
  const after = await Promise.all(gateways.map((gateway) => cpuMs(gateway.child.pid!)));
  return gateways.map((_gateway, slot) => {
    const answered = latencies[slot]!.filter((latency) => !Number.isNaN(latency));
    if (answered.length < total) console.log(`  ${total - answered.length} of ${total} requests failed`);
    const { main, other } = after[slot]!;
    return {
      cpuPerRequest: (main + other - before[slot]!.main - before[slot]!.other) / total,
      mainPerRequest: (main - before[slot]!.main) / total,
      p95: percentile(answered, 0.95),
    };
  });
}

async function gatewayCost(): Promise<void> {
  const population = generatePopulation({ households: 60 });
  const issuer = await mkdtemp(join(tmpdir(), 'ip-bench-obs-'));
  await ensureLocalIssuer(issuer);
  const identity = { AUTH_LOCAL_ISSUER_DIR: issuer };
  const partners = await startPartners(population, await createTokenVerifier(identityConfig(identity)));
  // Takes every OTLP export and answers as fast as a real collector does.
  const collector = await startOtlpCollector(BASE + 9);
  const token = (agency: string, role: string) =>
    signLocalToken(issuer, {
      userId: `bench-${agency}`,
      agency,
      role,
      issuer: DEFAULT_ISSUER,
      audience: DEFAULT_AUDIENCE,
      expiresIn: '1h',
    }).then((jwt) => `Bearer ${jwt}`);
  const tokens = await Promise.all([
    token('jobcenter', 'fallmanagement'),
    token('auslaenderbehoerde', 'sachbearbeitung'),
    token('agentur', 'integrationsfachkraft'),
  ]);
  const personIds = population.persons.map((person) => person.id);
  // BENCH_WITHOUT=traces,logs,metrics leaves those off in the "on" rounds too: which part costs what.
  const without = new Set((process.env['BENCH_WITHOUT'] ?? '').split(',').filter(Boolean));
  const settings = {
    off: { LOG_LEVEL: 'silent', METRICS_ENABLED: 'false' },
    on: {
      LOG_LEVEL: without.has('logs') ? 'silent' : 'info',
      METRICS_ENABLED: String(!without.has('metrics')),
      ...(without.has('traces') ? {} : { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${BASE + 9}` }),
    },
  };
  const results: Record<'off' | 'on', number[]> = { off: [], on: [] };
  console.log(
    `\nGateway CPU per person view at ${RATE} requests/s to each of two gateways (off, on) side by side for ${SECONDS} s, ${ROUNDS} rounds${without.size > 0 ? ` (on without ${[...without].join(', ')})` : ''}; load ${load()}`,
  );
  for (let round = 0; round < ROUNDS; round += 1) {
    // Side by side, so load on the shared machine weighs on both alike; port and start order swap every
    // round (which one is asked first alternates with every request, in `drive`).
    const modes = round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const);
    const gateways: Gateway[] = [];
    try {
      for (const [slot, mode] of modes.entries())
        gateways.push(
          await startGateway(
            { ...identity, ...partners.urls, ...settings[mode] },
            BASE + (slot === 0 ? 0 : 6),
            `${mode}-${round + 1}`,
            mode === 'on' && !without.has('metrics'),
          ),
        );
      const measured = await drive(gateways, tokens, personIds);
      for (const [slot, mode] of modes.entries()) {
        const result = measured[slot]!;
        results[mode].push(result.cpuPerRequest);
        console.log(
          `  round ${round + 1} ${mode.padEnd(3)}: ${result.cpuPerRequest.toFixed(2)} ms CPU per request (main thread ${result.mainPerRequest.toFixed(2)}), p95 latency ${result.p95.toFixed(1)} ms`,
        );
      }
      console.log(
        `  round ${round + 1}: on against off ${percentOf(results.on.at(-1)!, results.off.at(-1)!)}; load ${load()}`,
      );
    } finally {
      await Promise.all(
        gateways.map(({ child }) => {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          return exited;
        }),
      );
    }
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length / 2;
    return sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const spread = (values: number[]) =>
    `median ${median(values).toFixed(2)}, mean ${mean(values).toFixed(2)}, min ${Math.min(...values).toFixed(2)}, max ${Math.max(...values).toFixed(2)} ms`;
  // Each round's on against its own off, measured minutes apart on the same machine: the figure to judge
  // by is their median; their spread says how far one round can be trusted.
  const ratios = results.on.map((value, round) => (value / results.off[round]! - 1) * 100);
  const exports = collector.exports();
  const spans = collector.spans.length;
  console.log(`  off: ${spread(results.off)}; on: ${spread(results.on)} per request`);
  console.log(
    `  on against off per round: ${ratios.map(percent).join(', ')}; min ${percent(Math.min(...ratios))}, max ${percent(Math.max(...ratios))}`,
  );
  console.log(
    `  median of the rounds: ${percent(median(ratios))} (target <= 5 %); mean on against mean off ${percentOf(mean(results.on), mean(results.off))}; ${exports} OTLP exports with ${spans} spans received (${(spans / (ROUNDS * (RATE * SECONDS + WARMUP))).toFixed(1)} per request)`,
  );
  collector.close();
  await partners.stop();
  await rm(issuer, { recursive: true, force: true });
}

// The subgraphs run in this process: their request lines would bury the figures.
await configureLogging({ service: 'bench', level: 'warn' });
const only = process.argv[2];
if (only !== 'gateway') await scrapeOnMillion();
if (only !== 'scrape') await gatewayCost();
process.exit(0);
