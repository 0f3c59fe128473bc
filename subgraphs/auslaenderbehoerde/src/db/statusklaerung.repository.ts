import type { Insertable, Kysely } from 'kysely';
import type { PageRequest } from '@ip/kit';
import type { AuslaenderbehoerdeDatabase, StatusklaerungRow, StatusklaerungTable } from './tables.ts';

type Db = Kysely<AuslaenderbehoerdeDatabase>;

export const klaerungKey = (row: Pick<StatusklaerungRow, 'gestelltAm' | 'id'>) => `${row.gestelltAm}|${row.id}`;
const KEY = /^(\d{4}-\d{2}-\d{2})\|([0-9a-f-]{36})$/;
export const isKlaerungKey = (key: string) => KEY.test(key);

export async function insertStatusklaerung(db: Db, row: Insertable<StatusklaerungTable>): Promise<StatusklaerungRow> {
  return db.insertInto('statusklaerung').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findStatusklaerungById(db: Db, id: string): Promise<StatusklaerungRow | undefined> {
  return db.selectFrom('statusklaerung').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findStatusklaerungForUpdate(db: Db, id: string): Promise<StatusklaerungRow | undefined> {
  return db.selectFrom('statusklaerung').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateStatusklaerung(
  db: Db,
  id: string,
  changes: Partial<Omit<StatusklaerungRow, 'id'>>,
): Promise<StatusklaerungRow> {
  return db.updateTable('statusklaerung').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Open requests, oldest first (the ABH's inbox), or one requester's requests, newest first. */
export async function listStatusklaerungen(
  db: Db,
  filter: { readonly offen: true } | { readonly gestelltVon: string },
  page: PageRequest,
): Promise<StatusklaerungRow[]> {
  const after = page.afterKey ? KEY.exec(page.afterKey) : null;
  let query = db
    .selectFrom('statusklaerung')
    .selectAll()
    .limit(page.limit + 1);
  if ('offen' in filter) {
    query = query.where('status', '=', 'OFFEN').orderBy('gestelltAm').orderBy('id');
    if (after)
      query = query.where((eb) =>
        eb.or([eb('gestelltAm', '>', after[1]!), eb.and([eb('gestelltAm', '=', after[1]!), eb('id', '>', after[2]!)])]),
      );
  } else {
    query = query.where('gestelltVon', '=', filter.gestelltVon).orderBy('gestelltAm', 'desc').orderBy('id', 'desc');
    if (after)
      query = query.where((eb) =>
        eb.or([eb('gestelltAm', '<', after[1]!), eb.and([eb('gestelltAm', '=', after[1]!), eb('id', '<', after[2]!)])]),
      );
  }
  return query.execute();
}

export async function countStatusklaerungen(
  db: Db,
  filter: { readonly offen: true } | { readonly gestelltVon: string },
): Promise<number> {
  let query = db.selectFrom('statusklaerung').select((eb) => eb.fn.countAll<number>().as('count'));
  query = 'offen' in filter ? query.where('status', '=', 'OFFEN') : query.where('gestelltVon', '=', filter.gestelltVon);
  return (await query.executeTakeFirstOrThrow()).count;
}

export async function findStatusklaerungenByPersonIds(
  db: Db,
  personIds: readonly string[],
): Promise<StatusklaerungRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('statusklaerung')
    .selectAll()
    .where('personId', 'in', personIds)
    .orderBy('gestelltAm')
    .orderBy('id')
    .execute();
}

/** The days on which the requests open on the Stichtag were asked (asked by then, not yet answered or withdrawn). */
export async function gestelltAmOffenerKlaerungen(db: Db, stichtag: string): Promise<string[]> {
  const rows = await db
    .selectFrom('statusklaerung')
    .select('gestelltAm')
    .where('gestelltAm', '<=', stichtag)
    .where((eb) =>
      eb.or([eb('status', '=', 'OFFEN'), eb('beantwortetAm', '>', stichtag), eb('zurueckgezogenAm', '>', stichtag)]),
    )
    .execute();
  return rows.map((row) => row.gestelltAm);
}
