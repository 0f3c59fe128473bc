import type { Insertable, Kysely } from 'kysely';
import type { SozialamtDatabase, VorgangRow, VorgangTable } from './tables.ts';

type Db = Kysely<SozialamtDatabase>;

/** The files of many persons in one statement, each person's oldest first. */
export async function findVorgaengeByPersonIds(db: Db, personIds: readonly string[]): Promise<VorgangRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('vorgang')
    .selectAll()
    .where('personId', 'in', personIds)
    .orderBy('personId')
    .orderBy('eroeffnetAm')
    .orderBy('aktenzeichen')
    .execute();
}

export async function countVorgaenge(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom('vorgang')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function insertVorgaenge(db: Db, rows: readonly Insertable<VorgangTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('vorgang').values(rows).execute();
}
