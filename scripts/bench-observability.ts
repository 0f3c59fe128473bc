import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import * as agentur from '@ip/agentur';
import * as auslaenderbehoerde from '@ip/auslaenderbehoerde';
import * as familienkasse from '@ip/familienkasse';
import * as jobcenter from '@ip/jobcenter';
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
import { PERSON_VIEW } from '../test/support/person-view-query.ts';

/**
 * `npm run bench:observability`: what logs, metrics and traces cost.
 * 1. The Familienkasse's `/metrics` on 1,000,000 applications (the database `npm run bench` makes, on
 *    BENCH_DATABASE_URL): scrapes once the figures are read, scrapes while the first read runs, and the
 *    background read itself. Target < 50 ms per scrape.
 * 2. The gateway's CPU per person view at a fixed rate, as its own process (CPU time from /proc), with
 *    everything off (LOG_LEVEL=silent, METRICS_ENABLED=false, no collector) and everything on (a JSON line
 *    per request, metrics scraped every 5 s, traces sent over OTLP to a stand-in collector). Target: on
 *    at most 5 % above off. The four subgraphs run in this process on databases of their own.
 * Ports from BENCH_PORT_BASE (default 4160): gateway +0, subgraphs +1..+5, collector +9. BENCH_CPU_PROF=<folder>
 * has each gateway write its CPU profiles there (folders `off-1`, `on-1`, ...; the largest file is the main thread's).
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SERVER = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BASE = Number(process.env['BENCH_PORT_BASE'] ?? 4160);
const RATE = Number(process.env['BENCH_RATE'] ?? 40);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2);
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

/** The four subgraphs with the demo population, each on a database of its own on the server. */
async function startPartners(population: Population, verifyToken: TokenVerifier): Promise<Partners> {
  const admin = await openDatabase<unknown>({ kind: 'server', url: SERVER });
  const servers: RunningServer[] = [];
  const databases: Kysely<unknown>[] = [];
  const urls: Record<string, string> = {};
  const partners = {
    agentur: {
      prepare: agentur.prepareDatabase,
      start: agentur.createAgentur(agentur.DEFAULT_SETTINGS, () => `http://localhost:${BASE}/graphql`).start,
    },
    jobcenter: { prepare: jobcenter.prepareDatabase, start: jobcenter.startJobcenter },
    auslaenderbehoerde: {
      prepare: auslaenderbehoerde.prepareDatabase,
      start: auslaenderbehoerde.startAuslaenderbehoerde,
    },
    familienkasse: { prepare: familienkasse.prepareDatabase, start: familienkasse.startFamilienkasse },
  } as unknown as Record<
    string,
    {
      prepare: (db: Kysely<never>, population: Population) => Promise<void>;
      start: (db: Kysely<never>, options: { port: number; verifyToken: TokenVerifier }) => Promise<RunningServer>;
    }
  >;
  let port = BASE + 1;
  for (const [name, partner] of Object.entries(partners)) {
    const database = `ip_bench_obs_${name}`;
    await sql`drop database if exists ${sql.id(database)} with (force)`.execute(admin);
    await sql`create database ${sql.id(database)}`.execute(admin);
    const url = new URL(SERVER);
    url.pathname = `/${database}`;
    const db = await openDatabase<never>({ kind: 'server', url: url.toString() });
    await partner.prepare(db, population);
    databases.push(db as unknown as Kysely<unknown>);
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

/** A collector that takes every OTLP export and throws it away, as fast as a real one answers. */
async function startCollector(): Promise<{ received: () => number; server: Server }> {
  let received = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(BASE + 9, '127.0.0.1', resolve));
  return { received: () => received, server };
}

/** utime + stime of a process, in milliseconds (/proc/<pid>/stat fields 14 and 15, 100 ticks per second). */
async function cpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function startGateway(env: Record<string, string>, name: string): Promise<ChildProcess> {
  // A folder per gateway: tsx's module loader thread writes a profile of its own beside the main thread's.
  const profile = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(CPU_PROF, name)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'gateway/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      GATEWAY_PORT: String(BASE),
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
  return child;
}

/** Person views at a fixed rate for SECONDS; the gateway's CPU time per request. */
async function drive(
  child: ChildProcess,
  tokens: string[],
  personIds: string[],
  scrape: boolean,
): Promise<{ cpuPerRequest: number; requests: number; p95: number }> {
  const url = `http://localhost:${BASE}/graphql`;
  const ask = async (index: number) => {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: tokens[index % tokens.length]! },
      body: JSON.stringify({ query: PERSON_VIEW, variables: { id: personIds[index % personIds.length] } }),
    });
    const body = (await response.json()) as { data?: unknown };
    if (!body.data) throw new Error(`no answer: ${JSON.stringify(body).slice(0, 300)}`);
    return performance.now() - started;
  };
  for (let index = 0; index < 100; index += 1) await ask(index); // warm-up: plans cached, JIT warm
  const before = await cpuMs(child.pid!);
  const times: Promise<number>[] = [];
  const total = RATE * SECONDS;
  const began = performance.now();
  for (let index = 0; index < total; index += 1) {
    const due = began + (index * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    // On an overloaded machine a request may fail; it is counted, not fatal to the run.
    times.push(ask(index).catch(() => Number.NaN));
    if (scrape && index % (RATE * 5) === 0)
      void fetch(`http://localhost:${BASE}/metrics`).then((response) => response.text());
  }
  const latencies = await Promise.all(times);
  const after = await cpuMs(child.pid!);
  const answered = latencies.filter((latency) => !Number.isNaN(latency));
  if (answered.length < total) console.log(`  ${total - answered.length} of ${total} requests failed`);
  return { cpuPerRequest: (after - before) / total, requests: total, p95: percentile(answered, 0.95) };
}

async function gatewayCost(): Promise<void> {
  const population = generatePopulation({ households: 60 });
  const issuer = await mkdtemp(join(tmpdir(), 'ip-bench-obs-'));
  await ensureLocalIssuer(issuer);
  const identity = { AUTH_LOCAL_ISSUER_DIR: issuer };
  const partners = await startPartners(population, await createTokenVerifier(identityConfig(identity)));
  const collector = await startCollector();
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
    `\nGateway CPU per person view at ${RATE} requests/s for ${SECONDS} s, ${ROUNDS} rounds of off and on${without.size > 0 ? ` (on without ${[...without].join(', ')})` : ''}`,
  );
  for (let round = 0; round < ROUNDS; round += 1) {
    // Interleaved, and the order alternated: a machine whose load drifts weighs on both modes alike.
    for (const mode of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      const child = await startGateway({ ...identity, ...partners.urls, ...settings[mode] }, `${mode}-${round + 1}`);
      try {
        const result = await drive(child, tokens, personIds, mode === 'on');
        results[mode].push(result.cpuPerRequest);
        console.log(
          `  round ${round + 1} ${mode.padEnd(3)}: ${result.cpuPerRequest.toFixed(2)} ms CPU per request, p95 latency ${result.p95.toFixed(1)} ms (${result.requests} requests; load ${load()})`,
        );
      } finally {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const spread = (values: number[]) =>
    `mean ${mean(values).toFixed(2)}, min ${Math.min(...values).toFixed(2)}, max ${Math.max(...values).toFixed(2)} ms`;
  const off = mean(results.off);
  const on = mean(results.on);
  // Each round's on against its own off: the spread of these says how far one figure can be trusted.
  const ratios = results.on.map((value, round) => (value / results.off[round]! - 1) * 100);
  const percent = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)} %`;
  console.log(`  off: ${spread(results.off)}; on: ${spread(results.on)} per request`);
  console.log(
    `  on against off per round: ${ratios.map(percent).join(', ')}; median ${percent(percentile(ratios, 0.5))}`,
  );
  console.log(
    `  mean: off ${off.toFixed(2)} ms, on ${on.toFixed(2)} ms per request: ${percent(((on - off) / off) * 100)} (target <= 5 %); ${collector.received()} OTLP exports received`,
  );
  collector.server.close();
  await partners.stop();
  await rm(issuer, { recursive: true, force: true });
}

// The subgraphs run in this process: their request lines would bury the figures.
await configureLogging({ service: 'bench', level: 'warn' });
const only = process.argv[2];
if (only !== 'gateway') await scrapeOnMillion();
if (only !== 'scrape') await gatewayCost();
process.exit(0);
