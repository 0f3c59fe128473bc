import type { Insertable, Kysely } from 'kysely';
import type { AufenthaltsstatusRow, AufenthaltsstatusTable, AuslaenderbehoerdeDatabase } from './tables.ts';

type Db = Kysely<AuslaenderbehoerdeDatabase>;

/** The status periods of many persons in one statement, each person's oldest first. */
export async function findStatusverlaufByPersonIds(
  db: Db,
  personIds: readonly string[],
): Promise<AufenthaltsstatusRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('aufenthaltsstatus')
    .selectAll()
    .where('personId', 'in', personIds)
    .orderBy('personId')
    .orderBy('gueltigAb')
    .execute();
}

export async function insertStatusPeriods(
  db: Db,
  periods: readonly Insertable<AufenthaltsstatusTable>[],
): Promise<void> {
  if (periods.length > 0)
    await db
      .insertInto('aufenthaltsstatus')
      .values([...periods])
      .execute();
}

/** Locks the person's row for the rest of the transaction, so two status changes cannot interleave. */
export async function lockPerson(db: Db, personId: string): Promise<boolean> {
  const row = await db.selectFrom('person').select('id').where('id', '=', personId).forUpdate().executeTakeFirst();
  return row !== undefined;
}

export async function closeStatusPeriod(db: Db, id: string, gueltigBis: string): Promise<void> {
  await db
    .updateTable('aufenthaltsstatus')
    .set({ gueltigBis })
    .where('id', '=', id)
    .where('gueltigBis', 'is', null)
    .execute();
}
