import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, signLocalToken } from '@ip/kit/identity';
import { PERSON_VIEW } from '../test/support/person-view-query.ts';
import { ask, differences, digest, previousAnswers, storeAnswers, type Answer } from './bench-gateway/answers.ts';
import { loadAverage, treeCpuMs, treeRssMb } from './bench-gateway/cpu.ts';
import { startHive } from './bench-gateway/hive.ts';
import { closedLoop, fixedRate, warmUp, type LoadResult } from './bench-gateway/load.ts';
import { PARTNERS, startSystem } from './bench-gateway/system.ts';

/**
 * `npm run bench:gateway` (issue 18): what a request costs in CPU, in every process that serves it, with
 * our gateway and with Hive Gateway as the peer on the same supergraph and subgraphs. Starts `npm start`
 * on a fresh data folder and Hive Gateway beside it, checks that both answer the same `data` (and that
 * ours answers as the last run did, e.g. on main), then per round, gateway and query sends requests at
 * a fixed rate and reads each process's CPU time from /proc before and after: CPU per request does not
 * depend on the machine's other load the way latency does. Rounds interleave the two gateways so that
 * noise shows as spread. A short closed loop per gateway gives the person view's throughput.
 *
 * Knobs: BENCH_PORT_BASE (4600: gateway +0, partners +1..+n, pages next (+5 with four), Hive +18, PostgreSQL +19),
 * BENCH_ROUNDS (3), BENCH_SECONDS per fixed-rate run (8), BENCH_RATE_PERSON (20/s), BENCH_RATE_PAGE (4/s),
 * BENCH_RATE_TYPENAME (100/s), BENCH_PRIME_SECONDS (2, below), BENCH_CLOSED_SECONDS (5, 0 = none),
 * BENCH_CONNECTIONS (20), BENCH_CPU_PROF_DIR
 * (unset; a folder: every service of `npm start` writes a V8 CPU profile there when it stops), BENCH_WARMUP
 * (1: each gateway first answers 1,500 person views, 300 pages and 3,000 `{ __typename }` as fast as it can,
 * times this factor; 0: 2 s at each query's rate, the warm-up of the runs before 3 December 13:55).
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const BASE = env('BENCH_PORT_BASE', 4600);
const ROUNDS = env('BENCH_ROUNDS', 3);
const SECONDS = env('BENCH_SECONDS', 8);
const CLOSED_SECONDS = env('BENCH_CLOSED_SECONDS', 5);
const CONNECTIONS = env('BENCH_CONNECTIONS', 20);
/**
 * Seconds of the same load, not measured, just before each fixed-rate run. Without them a gateway was
 * measured straight after idling through the other gateway's runs (16 s when the order swapped), while
 * the other had been busy a moment before: our gateway's highest person-view round was the middle one,
 * the one after such an idle spell, in all four runs of 3 December before this. With them, each run
 * measures a gateway already under that load, as one serving steady traffic is. (The middle round stayed
 * our high one in the runs after this, docs/performance.md step 18: idling was not its whole cause.)
 */
const PRIME_SECONDS = env('BENCH_PRIME_SECONDS', 2);

const PERSON_FIELDS = PERSON_VIEW.slice(PERSON_VIEW.indexOf('{', PERSON_VIEW.indexOf('person(')));
/**
 * Warm-up requests per query and gateway: BENCH_WARMUP times each query's `warmUp`. A gateway serves for
 * days; in its first few hundred requests V8 is still compiling its hot functions (a gateway measured
 * after 100 person views: `--trace-opt` showed 75 functions optimised during the next 30 s at 10 a second,
 * V8's compiler threads a quarter of the process's CPU), and either gateway was measured part way through.
 */
const WARMUP = env('BENCH_WARMUP', 1);
const QUERIES = {
  person: { label: 'person view, all four partners', rate: env('BENCH_RATE_PERSON', 20), warmUp: 1500 },
  page: { label: 'page of 50 persons, all four partners', rate: env('BENCH_RATE_PAGE', 4), warmUp: 300 },
  typename: { label: '{ __typename }', rate: env('BENCH_RATE_TYPENAME', 100), warmUp: 3000 },
} as const;
type QueryName = keyof typeof QUERIES;
const PAGE = `query Seite { personen(first: 50) { edges { node ${PERSON_FIELDS.trimEnd().slice(0, -1).trimEnd()} } } }`;

const system = await startSystem(ROOT, BASE, process.env['BENCH_CPU_PROF_DIR']);
let exitCode = 0;
try {
  const hive = await startHive({
    root: ROOT,
    folder: system.folder,
    port: BASE + 18,
    subgraphUrls: system.subgraphUrls,
  });
  const authorization = `Bearer ${await signLocalToken(join(system.folder, 'data/issuer'), {
    userId: 'bench',
    agency: 'jobcenter',
    role: 'fallmanagement',
    issuer: DEFAULT_ISSUER,
    audience: DEFAULT_AUDIENCE,
  })}`;
  const ids = JSON.parse(
    (
      await ask(
        system.gatewayUrl,
        JSON.stringify({ query: '{ personen(first: 50) { edges { node { id } } } }' }),
        authorization,
      )
    ).data,
  ) as { personen: { edges: { node: { id: string } }[] } };
  const personIds = ids.personen.edges.map((edge) => edge.node.id);
  if (personIds.length < 50) throw new Error(`the demo data gave ${personIds.length} persons, not 50`);
  let next = 0;
  const bodies: Record<QueryName, () => string> = {
    person: () => JSON.stringify({ query: PERSON_VIEW, variables: { id: personIds[next++ % personIds.length] } }),
    page: () => JSON.stringify({ query: PAGE }),
    typename: () => JSON.stringify({ query: '{ __typename }' }),
  };
  const gateways = {
    ours: { url: system.gatewayUrl, pid: system.pids['gateway']! },
    hive: { url: hive.url, pid: hive.pid },
  };
  type GatewayName = keyof typeof gateways;

  // The answers first: the same data from both gateways, and from ours as in the last run.
  const samples: Record<string, string> = {
    typename: bodies.typename(),
    page: bodies.page(),
    ...Object.fromEntries(
      personIds.slice(0, 10).map((id) => [`person ${id}`, JSON.stringify({ query: PERSON_VIEW, variables: { id } })]),
    ),
  };
  const answers: Record<GatewayName, Record<string, Answer>> = { ours: {}, hive: {} };
  for (const [key, body] of Object.entries(samples)) {
    answers.ours[key] = await ask(gateways.ours.url, body, authorization);
    answers.hive[key] = await ask(gateways.hive.url, body, authorization);
  }
  console.log(
    `\nanswers (sha256 of data): ${Object.entries(answers.ours)
      .map(([key, answer]) => `${key.split(' ')[0]}:${digest(answer.data)}`)
      .filter((_, index) => index < 3)
      .join('  ')}`,
  );
  const errorCount = Object.values(answers.ours).reduce((sum, answer) => sum + answer.errors.length, 0);
  console.log(
    `errors in our answers (code at path, all samples): ${errorCount}; first: ${
      Object.values(answers.ours)
        .flatMap((answer) => answer.errors)
        .slice(0, 3)
        .join('; ') || '-'
    }`,
  );
  const versusHive = differences(answers.ours, answers.hive, false);
  console.log(
    versusHive.length === 0
      ? `data identical to Hive Gateway's in all ${Object.keys(samples).length} samples`
      : `DATA DIFFERS from Hive Gateway's: ${versusHive.join(', ')}`,
  );
  const previous = await previousAnswers(ROOT);
  if (previous) {
    const versusLast = differences(answers.ours, previous.answers, true);
    console.log(
      versusLast.length === 0
        ? `data, error codes and paths identical to the last run's (${previous.commit})`
        : `ANSWERS DIFFER from the last run's (${previous.commit}): ${versusLast.join(', ')}`,
    );
    if (versusLast.length > 0) exitCode = 1;
  }
  if (versusHive.length > 0) exitCode = 1;
  console.log(`answers kept for the next run as ${await storeAnswers(ROOT, answers.ours)}'s`);

  const processes = {
    ...Object.fromEntries(PARTNERS.map((name) => [name, system.pids[name]!])),
    postgres: system.postgresPid,
  };
  const cpu = (pids: Record<string, number>) =>
    Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, treeCpuMs(pid)]));
  interface Run extends LoadResult {
    readonly gateway: number;
    readonly other: number;
    readonly subgraphs: Record<string, number>;
    readonly postgres: number;
    readonly total: number;
    readonly rssMb: number;
  }
  async function measure(gateway: GatewayName, drive: () => Promise<LoadResult>): Promise<Run> {
    const all = { ...processes, ours: gateways.ours.pid, hive: gateways.hive.pid };
    const before = cpu(all);
    const result = await drive();
    const after = cpu(all);
    const per = (name: string) => (after[name]! - before[name]!) / result.sent;
    const subgraphs = Object.fromEntries(PARTNERS.map((name) => [name, per(name)]));
    const subgraphSum = Object.values(subgraphs).reduce((sum, value) => sum + value, 0);
    return {
      ...result,
      gateway: per(gateway),
      other: per(gateway === 'ours' ? 'hive' : 'ours'),
      subgraphs,
      postgres: per('postgres'),
      total: per(gateway) + subgraphSum + per('postgres'),
      rssMb: treeRssMb(gateways[gateway].pid),
    };
  }

  console.log(
    `\nfixed rate, ${SECONDS} s per run, ${ROUNDS} rounds; CPU ms per request from /proc; load average before: ${loadAverage()}`,
  );
  const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '-');
  const header = `| round | gateway | rate/s (achieved) | p50 ms | p99 ms | failed | gateway | ${PARTNERS.join(' | ')} | postgres | total | other gateway | RSS MB |`;
  const runs: Record<QueryName, Record<GatewayName, Run[]>> = {
    person: { ours: [], hive: [] },
    page: { ours: [], hive: [] },
    typename: { ours: [], hive: [] },
  };
  for (const query of Object.keys(QUERIES) as QueryName[]) {
    // Warm-up: JIT, plan caches, connection pools.
    for (const gateway of Object.keys(gateways) as GatewayName[]) {
      const requests = Math.round(WARMUP * QUERIES[query].warmUp);
      if (requests > 0) await warmUp(gateways[gateway].url, bodies[query], authorization, 4, requests);
      else await fixedRate(gateways[gateway].url, bodies[query], authorization, QUERIES[query].rate, 2);
    }
  }
  // With BENCH_CPU_PROF_DIR, the services profile the measured runs, not the start and the warm-up.
  const profiled = Object.values(system.pids);
  const signalProfilers = () => {
    if (process.env['BENCH_CPU_PROF_DIR']) for (const pid of profiled) process.kill(pid, 'SIGUSR2');
  };
  signalProfilers();
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const query of Object.keys(QUERIES) as QueryName[]) {
      // Alternate which gateway goes first, so neither always runs on a machine the other just warmed.
      const order: GatewayName[] = round % 2 === 1 ? ['ours', 'hive'] : ['hive', 'ours'];
      for (const gateway of order) {
        if (PRIME_SECONDS > 0)
          await fixedRate(gateways[gateway].url, bodies[query], authorization, QUERIES[query].rate, PRIME_SECONDS);
        const run = await measure(gateway, () =>
          fixedRate(gateways[gateway].url, bodies[query], authorization, QUERIES[query].rate, SECONDS),
        );
        runs[query][gateway].push(run);
      }
    }
    console.log(`  round ${round} done; load average ${loadAverage()}`);
  }
  signalProfilers();
  for (const query of Object.keys(QUERIES) as QueryName[]) {
    console.log(
      `\n${QUERIES[query].label} at ${QUERIES[query].rate}/s\n\n${header}\n|${'---|'.repeat(13 + PARTNERS.length - 4)}`,
    );
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const gateway of ['ours', 'hive'] as const) {
        const run = runs[query][gateway][round]!;
        console.log(
          `| ${round + 1} | ${gateway} | ${QUERIES[query].rate} (${(run.sent / run.seconds).toFixed(0)}) | ${run.p50.toFixed(1)} | ${run.p99.toFixed(1)} | ${run.failed} | ${ms(run.gateway)} | ${PARTNERS.map((name) => ms(run.subgraphs[name]!)).join(' | ')} | ${ms(run.postgres)} | ${ms(run.total)} | ${ms(run.other)} | ${run.rssMb.toFixed(0)} |`,
        );
      }
    }
  }

  const range = (values: number[]) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
  console.log(`\nsummary (min–max over ${ROUNDS} rounds, CPU ms per request)\n`);
  console.log(
    '| query | our gateway | Hive Gateway | ours/Hive (each round) | subgraphs (with ours) | postgres | total with ours | p99 ours ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const query of Object.keys(QUERIES) as QueryName[]) {
    const ours = runs[query].ours;
    const theirs = runs[query].hive;
    const ratios = ours.map((run, index) => run.gateway / theirs[index]!.gateway);
    const subgraphs = ours.map((run) => Object.values(run.subgraphs).reduce((sum, value) => sum + value, 0));
    console.log(
      `| ${QUERIES[query].label} | ${range(ours.map((run) => run.gateway))} | ${range(theirs.map((run) => run.gateway))} | ${range(ratios)} (${ratios.map(ms).join(', ')}) | ${range(subgraphs)} | ${range(ours.map((run) => run.postgres))} | ${range(ours.map((run) => run.total))} | ${range(ours.map((run) => run.p99))} |`,
    );
  }

  if (CLOSED_SECONDS > 0) {
    console.log(`\nclosed loop, person view, ${CONNECTIONS} connections, ${CLOSED_SECONDS} s per run\n`);
    console.log(
      '| round | gateway | requests/s | p50 ms | p99 ms | failed | gateway CPU/request | total CPU/request |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (let round = 1; round <= Math.min(ROUNDS, 2); round += 1) {
      for (const gateway of round % 2 === 1 ? (['ours', 'hive'] as const) : (['hive', 'ours'] as const)) {
        const run = await measure(gateway, () =>
          closedLoop(gateways[gateway].url, bodies.person, authorization, CONNECTIONS, CLOSED_SECONDS),
        );
        console.log(
          `| ${round} | ${gateway} | ${(run.sent / run.seconds).toFixed(0)} | ${run.p50.toFixed(1)} | ${run.p99.toFixed(1)} | ${run.failed} | ${ms(run.gateway)} | ${ms(run.total)} |`,
        );
      }
    }
  }
  console.log(`\nload average after: ${loadAverage()}`);
  await hive.stop();
} finally {
  await system.stop();
}
process.exitCode = exitCode;
