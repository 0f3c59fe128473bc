import type { Insertable, Kysely } from 'kysely';
import type { PageRequest } from '@ip/kit';
import type { AuslaenderbehoerdeDatabase, PersonRow, PersonTable } from './tables.ts';

type Db = Kysely<AuslaenderbehoerdeDatabase>;

export async function findPersonsByIds(db: Db, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('person').selectAll().where('id', 'in', ids).execute();
}

/** One page in reference order, with one row more than asked so the caller knows whether more follow. */
export async function listPersons(db: Db, page: PageRequest): Promise<PersonRow[]> {
  let query = db.selectFrom('person').selectAll().orderBy('id').limit(page.limit + 1);
  if (page.afterKey !== null) query = query.where('id', '>', page.afterKey);
  return query.execute();
}

export async function countPersons(db: Db): Promise<number> {
  const { count } = await db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return count;
}

export async function insertPersons(db: Db, persons: readonly Insertable<PersonTable>[]): Promise<void> {
  if (persons.length > 0) await db.insertInto('person').values([...persons]).execute();
}
