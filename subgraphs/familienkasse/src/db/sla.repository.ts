import { sql, type Kysely } from 'kysely';
import type { PageRequest } from '@ip/kit';
import type { FamilienkasseDatabase, KindergeldAntragRow } from './tables.ts';

type Db = Kysely<FamilienkasseDatabase>;

/** Keyset of the overdue list: due date, then id. */
export const overdueKey = (row: Pick<KindergeldAntragRow, 'faelligAm' | 'id'>) => `${row.faelligAm}|${row.id}`;

function parseKey(key: string): { faelligAm: string; id: string } | null {
  const match = /^(\d{4}-\d{2}-\d{2})\|([0-9a-f-]{36})$/.exec(key);
  return match ? { faelligAm: match[1]!, id: match[2]! } : null;
}

export const isOverdueKey = (key: string) => parseKey(key) !== null;

/**
 * The two ways an application is open and overdue on a Stichtag, each served by its own partial index:
 * not decided at all, or decided only after the Stichtag (then it was decided late). Being due before
 * the Stichtag implies it was received before it; saying "decided after its due date" out loud lets
 * PostgreSQL use the index of late decisions.
 */
function overdueBranch(db: Db, stichtag: string, familienkasse: string | null, decided: boolean) {
  let query = db.selectFrom('kindergeldAntrag').where('faelligAm', '<', stichtag);
  query = decided
    ? query.where('beschiedenAm', '>', stichtag).where(sql<boolean>`beschieden_am > faellig_am`)
    : query.where('beschiedenAm', 'is', null);
  return familienkasse === null ? query : query.where('familienkasse', '=', familienkasse);
}

/** Applications open on the Stichtag and past their due date, oldest due first. */
export async function listOverdue(
  db: Db,
  stichtag: string,
  familienkasse: string | null,
  page: PageRequest,
): Promise<KindergeldAntragRow[]> {
  const after = page.afterKey === null ? null : parseKey(page.afterKey);
  const branch = (decided: boolean) => {
    let query = overdueBranch(db, stichtag, familienkasse, decided).selectAll();
    if (after) query = query.where(sql<boolean>`(faellig_am, id) > (${after.faelligAm}::date, ${after.id}::uuid)`);
    // Each branch ordered and limited on its own index, wrapped as a subquery so the UNION is valid SQL.
    return db
      .selectFrom(
        query
          .orderBy('faelligAm')
          .orderBy('id')
          .limit(page.limit + 1)
          .as(decided ? 'spaeter_beschieden' : 'offen'),
      )
      .selectAll();
  };
  return db
    .selectFrom(branch(false).unionAll(branch(true)).as('ueberfaellig'))
    .selectAll()
    .orderBy('faelligAm')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute();
}

export async function countOverdue(db: Db, stichtag: string, familienkasse: string | null): Promise<number> {
  const count = (decided: boolean) =>
    overdueBranch(db, stichtag, familienkasse, decided)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
      .then((row) => row.count);
  const [open, decidedLater] = await Promise.all([count(false), count(true)]);
  return open + decidedLater;
}

export type Gruppierung = 'WOCHE' | 'MONAT';

export interface Kennzahlen {
  readonly beginn: string | null;
  /** Whether the row counts applications that came in a packet's envelope (the 10-working-day promise). */
  readonly mitPaket: boolean;
  readonly eingegangen: number;
  readonly beschieden: number;
  readonly eingehalten: number;
  readonly verfehlt: number;
  readonly offen: number;
  readonly ueberfaellig: number;
  readonly medianArbeitstage: number | null;
  readonly p90Arbeitstage: number | null;
}

/**
 * The SLA report for applications received from `von` to `bis`, as it stood on the Stichtag: per kind of
 * receipt (in a packet or not) one row per week or month and a total row (beginn null), in one statement over
 * stored due dates and processing days. The range on eingang_am stays the only filter, so the receipt indexes
 * serve it as before; the kind is a grouping key, not a condition.
 */
export async function slaReport(
  db: Db,
  options: { von: string; bis: string; stichtag: string; familienkasse: string | null; gruppierung: Gruppierung },
): Promise<Kennzahlen[]> {
  // A literal, not a parameter: GROUP BY must see the same expression as the SELECT list.
  const period = sql`date_trunc(${sql.lit(options.gruppierung === 'WOCHE' ? 'week' : 'month')}, eingang_am::timestamp)::date`;
  const { stichtag } = options;
  const decided = sql`beschieden_am <= ${stichtag}::date`;
  const open = sql`(beschieden_am is null or beschieden_am > ${stichtag}::date)`;
  const result = await sql<Kennzahlen>`
    select ${period}::text as beginn,
      (antragspaket_id is not null) as mit_paket,
      count(*)::int as eingegangen,
      (count(*) filter (where ${decided}))::int as beschieden,
      (count(*) filter (where ${decided} and beschieden_am <= faellig_am))::int as eingehalten,
      (count(*) filter (where ${decided} and beschieden_am > faellig_am))::int as verfehlt,
      (count(*) filter (where ${open}))::int as offen,
      (count(*) filter (where ${open} and faellig_am < ${stichtag}::date))::int as ueberfaellig,
      percentile_cont(0.5) within group (order by bearbeitungsarbeitstage) filter (where ${decided}) as median_arbeitstage,
      percentile_cont(0.9) within group (order by bearbeitungsarbeitstage) filter (where ${decided}) as p90_arbeitstage
    from kindergeld_antrag
    where eingang_am between ${options.von}::date and ${options.bis}::date
      ${options.familienkasse === null ? sql`` : sql`and familienkasse = ${options.familienkasse}`}
    group by grouping sets ((${period}, antragspaket_id is not null), (antragspaket_id is not null))
    order by beginn nulls last`.execute(db);
  return result.rows.map((row) => ({
    ...row,
    medianArbeitstage: row.medianArbeitstage === null ? null : Number(row.medianArbeitstage),
    p90Arbeitstage: row.p90Arbeitstage === null ? null : Number(row.p90Arbeitstage),
  }));
}

/** Per Familienkasse: applications not yet decided, and those of them past their due date. */
export interface OffeneAntraege {
  readonly familienkasse: string;
  readonly offen: number;
  readonly ueberfaellig: number;
}

/**
 * The live figures of the operators' metrics: one pass over the partial index of undecided applications
 * (familienkasse, faellig_am), which holds only the open ones, however many were ever received.
 */
export async function offeneAntraegeJeKasse(db: Db, heute: string): Promise<OffeneAntraege[]> {
  const result = await sql<OffeneAntraege>`
    select familienkasse, count(*)::int as offen, (count(*) filter (where faellig_am < ${heute}::date))::int as ueberfaellig
    from kindergeld_antrag where beschieden_am is null group by familienkasse`.execute(db);
  return result.rows;
}

/** Decisions from `von` to `bis`, by whether the application came in a packet and whether it was decided by its due date. */
export interface Bescheide {
  readonly mitPaket: boolean;
  readonly rechtzeitig: number;
  readonly verspaetet: number;
}

/** Over the index of decision days: only the period's decisions are read. */
export async function bescheideImZeitraum(db: Db, von: string, bis: string): Promise<Bescheide[]> {
  const result = await sql<Bescheide>`
    select (antragspaket_id is not null) as mit_paket,
      (count(*) filter (where beschieden_am <= faellig_am))::int as rechtzeitig,
      (count(*) filter (where beschieden_am > faellig_am))::int as verspaetet
    from kindergeld_antrag where beschieden_am between ${von}::date and ${bis}::date
    group by 1`.execute(db);
  return result.rows;
}
