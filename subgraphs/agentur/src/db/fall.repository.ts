import type { Insertable, Kysely } from 'kysely';
import type { AgenturDatabase, FallEreignisRow, FallEreignisTable, FallRow, FallTable, IntegrationsfachkraftRow, IntegrationsfachkraftTable } from './tables.ts';

type Db = Kysely<AgenturDatabase>;

/** The newest case of each of many persons, in one statement. */
export async function findNewestFallByPersonIds(db: Db, personIds: readonly string[]): Promise<FallRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('fall')
    .selectAll()
    .distinctOn('personId')
    .where('personId', 'in', personIds)
    .orderBy('personId')
    .orderBy('eroeffnetAm', 'desc')
    .orderBy('id')
    .execute();
}

export async function findEreignisseByFallIds(db: Db, fallIds: readonly string[]): Promise<FallEreignisRow[]> {
  if (fallIds.length === 0) return [];
  return db.selectFrom('fallEreignis').selectAll().where('fallId', 'in', fallIds).orderBy('am').orderBy('id').execute();
}

export async function findFachkraefteByIds(db: Db, ids: readonly string[]): Promise<IntegrationsfachkraftRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('integrationsfachkraft').selectAll().where('id', 'in', ids).execute();
}

export async function countFaelle(db: Db): Promise<number> {
  const { count } = await db.selectFrom('fall').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return count;
}

export async function insertFachkraefte(db: Db, rows: readonly Insertable<IntegrationsfachkraftTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('integrationsfachkraft').values([...rows]).execute();
}

export async function insertFaelle(db: Db, rows: readonly Insertable<FallTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('fall').values([...rows]).execute();
}

export async function insertEreignisse(db: Db, rows: readonly Insertable<FallEreignisTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('fallEreignis').values([...rows]).execute();
}
