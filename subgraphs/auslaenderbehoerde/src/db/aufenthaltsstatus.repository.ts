import type { Insertable, Kysely } from 'kysely';
import type { AufenthaltsstatusRow, AufenthaltsstatusTable, AuslaenderbehoerdeDatabase } from './tables.ts';

type Db = Kysely<AuslaenderbehoerdeDatabase>;

/** The status periods of many persons in one statement, each person's oldest first. */
export async function findStatusverlaufByPersonIds(db: Db, personIds: readonly string[]): Promise<AufenthaltsstatusRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('aufenthaltsstatus')
    .selectAll()
    .where('personId', 'in', personIds)
    .orderBy('personId')
    .orderBy('gueltigAb')
    .execute();
}

export async function insertStatusPeriods(db: Db, periods: readonly Insertable<AufenthaltsstatusTable>[]): Promise<void> {
  if (periods.length > 0) await db.insertInto('aufenthaltsstatus').values([...periods]).execute();
}
