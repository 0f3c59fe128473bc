import { sql, type Kysely } from 'kysely';
import { openDatabase } from '@ip/kit';
import { createRandom } from '@ip/kit/demo';
import { countOverdue, listOverdue, slaReport } from '../src/db/sla.repository.ts';
import type { FamilienkasseDatabase } from '../src/db/tables.ts';
import { benchDatabase, benchDatabaseName } from './bulk-seed.ts';

/**
 * `npm run bench`: the Familienkasse's two monitoring queries on a PostgreSQL server with 1,000,000
 * applications over two years. Prints p50/p95 latency and the query plans. Targets: first overdue page
 * p95 < 20 ms, monthly report p95 < 200 ms. The data set is made once in its own database and kept.
 */
const SERVER = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ANTRAEGE = Number(process.env['BENCH_ANTRAEGE'] ?? 1_000_000);
const STICHTAG = '2016-12-31';

function benchUrl(): string {
  const url = new URL(SERVER);
  url.pathname = `/${benchDatabaseName(ANTRAEGE)}`;
  return url.toString();
}

async function measure(name: string, runs: number, run: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 10; i += 1) await run(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(
    `${name.padEnd(44)} runs ${String(runs).padStart(4)}   p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms`,
  );
}

/** Runs `query` once on a connection that records its statements, then prints each statement's plan. */
async function plans(title: string, query: (db: Kysely<FamilienkasseDatabase>) => Promise<unknown>): Promise<void> {
  const statements: { text: string; parameters: readonly unknown[] }[] = [];
  const recorder = await openDatabase<FamilienkasseDatabase>(
    { kind: 'server', url: benchUrl() },
    { onQuery: (text, parameters) => statements.push({ text, parameters }) },
  );
  await query(recorder);
  // Copied first: the EXPLAIN statements below are recorded too.
  for (const statement of statements.splice(0)) {
    const result =
      await sql`explain (analyze, buffers) ${sql.raw(inline(statement.text, statement.parameters))}`.execute(recorder);
    console.log(
      `\n--- plan: ${title}\n${result.rows.map((row) => Object.values(row as Record<string, unknown>)[0]).join('\n')}`,
    );
  }
  await recorder.destroy();
}

/** EXPLAIN cannot take bind parameters through this path; inline them (benchmark values only). */
function inline(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, index: string) => {
    const value = parameters[Number(index) - 1];
    return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  });
}

const db = await benchDatabase(SERVER, ANTRAEGE, STICHTAG);
const random = createRandom(7);
const kassen = ['515', '534', '548', '563', '571', '587', '604', '612', '626', '633'];
const months = Array.from(
  { length: 24 },
  (_, i) => `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);
const monthEnd = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

console.log(
  `\nPostgreSQL ${(await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0]!.v}, ${ANTRAEGE.toLocaleString('en')} applications, Stichtag ${STICHTAG}\n`,
);
await measure('overdue, first page of 20 + totalCount (all)', 200, () =>
  Promise.all([listOverdue(db, STICHTAG, null, { limit: 20, afterKey: null }), countOverdue(db, STICHTAG, null)]),
);
await measure('overdue, first page of 20 + totalCount (one FK)', 200, () =>
  Promise.all([
    listOverdue(db, STICHTAG, random.pick(kassen), { limit: 20, afterKey: null }),
    countOverdue(db, STICHTAG, random.pick(kassen)),
  ]),
);
await measure('overdue, first page on a past Stichtag (all)', 100, () => {
  const month = random.pick(months.slice(1));
  return Promise.all([
    listOverdue(db, `${month}-15`, null, { limit: 20, afterKey: null }),
    countOverdue(db, `${month}-15`, null),
  ]);
});
await measure('monthly report, by week (all)', 100, () => {
  const month = random.pick(months);
  return slaReport(db, {
    von: `${month}-01`,
    bis: monthEnd(month),
    stichtag: STICHTAG,
    familienkasse: null,
    gruppierung: 'WOCHE',
  });
});
await measure('monthly report (one FK)', 100, () => {
  const month = random.pick(months);
  return slaReport(db, {
    von: `${month}-01`,
    bis: monthEnd(month),
    stichtag: STICHTAG,
    familienkasse: random.pick(kassen),
    gruppierung: 'MONAT',
  });
});
await measure('yearly report by month (all)', 20, () =>
  slaReport(db, {
    von: '2016-01-01',
    bis: '2016-12-31',
    stichtag: STICHTAG,
    familienkasse: null,
    gruppierung: 'MONAT',
  }),
);

await plans('overdue, first page (all)', (recorder) =>
  listOverdue(recorder, STICHTAG, null, { limit: 20, afterKey: null }),
);
await plans('overdue, totalCount (all)', (recorder) => countOverdue(recorder, STICHTAG, null));
await plans('monthly report by week (all)', (recorder) =>
  slaReport(recorder, {
    von: '2016-06-01',
    bis: '2016-06-30',
    stichtag: STICHTAG,
    familienkasse: null,
    gruppierung: 'WOCHE',
  }),
);
await db.destroy();
