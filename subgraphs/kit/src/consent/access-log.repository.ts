import { sql, type Insertable, type Selectable } from 'kysely';
import type { PageRequest } from '../pagination.ts';
import type { DatenschutzDb } from './consent.repository.ts';
import type { ZugriffsprotokollTable } from './tables.ts';

export type AccessLogEntry = Selectable<ZugriffsprotokollTable>;
/** An entry as the application writes it: the database numbers and timestamps it. */
export type NewAccessLogEntry = Omit<Insertable<ZugriffsprotokollTable>, 'id' | 'zeitpunkt'>;

/**
 * Appends a request's entries in one statement of constant text: one array per column, unnested into
 * rows. A VALUES list of nine parameters per entry made a page of 50 persons a statement of hundreds of
 * parameters, compiled by Kysely and parsed by PostgreSQL anew for every request (issue 18).
 */
export async function appendAccessLog(db: DatenschutzDb, entries: readonly NewAccessLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const column = (key: keyof NewAccessLogEntry) => entries.map((entry) => entry[key] ?? null);
  await sql`insert into zugriffsprotokoll (anfragende_behoerde, benutzer, rolle, person_id, kategorie, operation,
      operation_hash, rechtsgrundlage, entscheidung)
    select * from unnest(${column('anfragendeBehoerde')}::text[], ${column('benutzer')}::text[],
      ${column('rolle')}::text[], ${column('personId')}::uuid[], ${column('kategorie')}::text[],
      ${column('operation')}::text[], ${column('operationHash')}::text[], ${column('rechtsgrundlage')}::text[],
      ${column('entscheidung')}::text[])`.execute(db);
}

/** A person's log, newest first; the key is the entry id (ids grow with time). */
export async function listAccessLog(db: DatenschutzDb, personId: string, page: PageRequest): Promise<AccessLogEntry[]> {
  let query = db
    .selectFrom('zugriffsprotokoll')
    .selectAll()
    .where('personId', '=', personId)
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (page.afterKey !== null) query = query.where('id', '<', page.afterKey);
  return query.execute();
}

export async function countAccessLog(db: DatenschutzDb, personId: string): Promise<number> {
  const { count } = await db
    .selectFrom('zugriffsprotokoll')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('personId', '=', personId)
    .executeTakeFirstOrThrow();
  return count;
}

/**
 * The retention purge, after the period the partners agreed on (a setting): the only delete the log's trigger
 * lets through, and only for entries older than the cut-off named in the same transaction.
 */
export async function purgeAccessLog(db: DatenschutzDb, olderThan: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('ip.loeschung_bis', ${olderThan.toISOString()}, true)`.execute(trx);
    const result = await trx.deleteFrom('zugriffsprotokoll').where('zeitpunkt', '<', olderThan).executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}
