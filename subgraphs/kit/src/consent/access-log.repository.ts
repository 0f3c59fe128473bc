import { sql, type Insertable, type Selectable } from 'kysely';
import type { PageRequest } from '../pagination.ts';
import type { DatenschutzDb } from './consent.repository.ts';
import type { ZugriffsprotokollTable } from './tables.ts';

export type AccessLogEntry = Selectable<ZugriffsprotokollTable>;
export type NewAccessLogEntry = Insertable<ZugriffsprotokollTable>;

export async function appendAccessLog(db: DatenschutzDb, entries: readonly NewAccessLogEntry[]): Promise<void> {
  if (entries.length > 0)
    await db
      .insertInto('zugriffsprotokoll')
      .values([...entries])
      .execute();
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
