import { parseArgs } from 'node:util';
import { sql, type Insertable, type Kysely } from 'kysely';
import { migrateToLatest, openDatabase } from '@ip/kit';
import { createRandom } from '@ip/kit/demo';
import { loadConfig } from '../src/config.ts';
import { migrations } from '../src/db/migrations.ts';
import type { FamilienkasseDatabase, KindergeldAntragTable } from '../src/db/tables.ts';
import { addDays, Arbeitskalender } from '@ip/kit/calendar';
import { faelligAm } from '../src/domain/sla.ts';

/** NRW's Familienkassen as the benchmark's load spreads over them. */
const FAMILIENKASSEN = ['515', '534', '548', '563', '571', '587', '604', '612', '626', '633'] as const;
const BATCH = 2_000;

export interface BulkOptions {
  readonly antraege: number;
  /** First and last day of receipt. */
  readonly von: string;
  readonly bis: string;
  readonly seed?: number;
  readonly onProgress?: (done: number) => void;
}

/**
 * Applications at NRW scale for the SLA benchmark: receipts spread over the period; 85 % decided within
 * the 10 working days, 14 % late (11 to 16), 1 % forgotten. Due dates and processing days are stored as the
 * application flow stores them. Deterministic for a seed.
 */
/** The benchmark is NRW's: its holidays count, whatever FAMILIENKASSE_LAND says. */
const kalender = new Arbeitskalender('NW');

export async function seedBulk(db: Kysely<FamilienkasseDatabase>, options: BulkOptions): Promise<void> {
  const random = createRandom(options.seed ?? 2016);
  const days: string[] = [];
  for (let day = options.von; day <= options.bis; day = addDays(day, 1)) if (kalender.isArbeitstag(day)) days.push(day);
  const due = new Map(days.map((day) => [day, faelligAm(kalender, day)]));
  for (let done = 0; done < options.antraege;) {
    const rows: Insertable<KindergeldAntragTable>[] = [];
    for (; rows.length < BATCH && done + rows.length < options.antraege;) {
      const eingangAm = random.pick(days);
      const familienkasse = random.pick(FAMILIENKASSEN);
      const share = random.next();
      const decidedOn =
        share < 0.01
          ? null
          : kalender.nachArbeitstagen(eingangAm, share < 0.15 ? random.int(11, 16) : random.int(3, 10));
      const decided = decidedOn !== null && decidedOn <= options.bis ? decidedOn : null;
      rows.push({
        personId: random.uuid(),
        kindergeldnummer: `${familienkasse}FK${String(random.int(0, 999_999)).padStart(6, '0')}`,
        familienkasse,
        eingangAm,
        faelligAm: due.get(eingangAm)!,
        beschiedenAm: decided,
        ergebnis: decided ? 'BEWILLIGT' : null,
        monatsbetrag: decided ? 188 : null,
        ablehnungsgrund: null,
        bearbeitungsarbeitstage: decided ? kalender.arbeitstageZwischen(eingangAm, decided) : null,
      });
    }
    await db.insertInto('kindergeldAntrag').values(rows).execute();
    done += rows.length;
    options.onProgress?.(done);
  }
}

export const benchDatabaseName = (antraege: number) => `ip_bench_familienkasse_v2_${antraege}`;

/**
 * The benchmarks' database on the PostgreSQL server `server` (a superuser URL): `antraege` applications
 * received from 2015-01-01 to `bis`, made and filled once, then kept for later runs.
 */
export async function benchDatabase(
  server: string,
  antraege: number,
  bis: string,
): Promise<Kysely<FamilienkasseDatabase>> {
  const name = benchDatabaseName(antraege);
  const admin = await openDatabase<unknown>({ kind: 'server', url: server });
  const exists = await sql`select 1 from pg_database where datname = ${name}`.execute(admin);
  if (exists.rows.length === 0) await sql`create database ${sql.id(name)}`.execute(admin);
  await admin.destroy();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDatabase<FamilienkasseDatabase>({ kind: 'server', url: url.toString() });
  await migrateToLatest(db, migrations);
  const { count } = await db
    .selectFrom('kindergeldAntrag')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  if (count < antraege) {
    console.log(
      `seeding ${(antraege - count).toLocaleString('en')} applications into ${name} (once; kept for later runs)`,
    );
    await seedBulk(db, {
      antraege: antraege - count,
      von: '2015-01-01',
      bis,
      onProgress: progressBar(antraege - count),
    });
    await sql`vacuum analyze kindergeld_antrag`.execute(db);
  }
  return db;
}

export function progressBar(total: number): (done: number) => void {
  const started = performance.now();
  return (done) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round(done / Math.max(seconds, 0.001));
    process.stderr.write(
      `\r  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} applications (${Math.round((done / total) * 100)} %, ${rate.toLocaleString('en')}/s)   `,
    );
    if (done >= total) process.stderr.write('\n');
  };
}

if (process.argv[1]?.endsWith('bulk-seed.ts')) {
  const { values } = parseArgs({ options: { antraege: { type: 'string', default: '1000000' } } });
  const antraege = Number(values.antraege);
  if (!Number.isInteger(antraege) || antraege < 1) throw new Error('--antraege must be a positive whole number');
  const config = loadConfig(process.env);
  const db = await openDatabase<FamilienkasseDatabase>(config.database);
  await migrateToLatest(db, migrations);
  console.error(
    `seeding ${antraege.toLocaleString('en')} Kindergeld applications (receipts 2015-01-01 to 2016-12-31) into ${new URL(config.database.url).pathname.slice(1)} on ${new URL(config.database.url).host}`,
  );
  await seedBulk(db, { antraege, von: '2015-01-01', bis: '2016-12-31', onProgress: progressBar(antraege) });
  await db.destroy();
}
