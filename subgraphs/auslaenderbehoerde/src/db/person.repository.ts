import { sql, type Insertable, type Kysely } from 'kysely';
import type { IsoDate, PageRequest } from '@ip/kit';
import type { Aufenthaltsart, AuslaenderbehoerdeDatabase, PersonRow, PersonTable } from './tables.ts';

type Db = Kysely<AuslaenderbehoerdeDatabase>;

export async function findPersonsByIds(db: Db, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('person').selectAll().where('id', 'in', ids).execute();
}

/** One page in reference order, with one row more than asked so the caller knows whether more follow. */
export async function listPersons(db: Db, page: PageRequest): Promise<PersonRow[]> {
  let query = db
    .selectFrom('person')
    .selectAll()
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.afterKey !== null) query = query.where('id', '>', page.afterKey);
  return query.execute();
}

export async function countPersons(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return count;
}

export async function insertPersons(db: Db, persons: readonly Insertable<PersonTable>[]): Promise<void> {
  if (persons.length > 0)
    await db
      .insertInto('person')
      .values([...persons])
      .execute();
}

export type PersonenReihenfolge = 'ID' | 'QUALIFIKATION';

/** Rank for ordering by qualification: higher education first, not recorded last. */
const rang = sql<number>`case qualifikation when 'STUDIUM' then 1 when 'BERUFSAUSBILDUNG' then 2 when 'BERUFSERFAHRUNG' then 3 when 'KEINE' then 4 else 5 end`;

/** The ranks each order gives its rows (ordered by reference, every row ranks alike). */
export const RAENGE: Readonly<Record<PersonenReihenfolge, readonly number[]>> = {
  ID: [0],
  QUALIFIKATION: [1, 2, 3, 4, 5],
};

/** A row's place in the order: its rank and its reference. */
export interface Position {
  readonly rang: number;
  readonly id: string;
}

export type AuswahlRow = PersonRow & Position;

export interface PersonenAuswahl {
  readonly staatsangehoerigkeiten: readonly string[];
  readonly aufenthaltsarten: readonly Aufenthaltsart[] | null;
  readonly agenturbezirke: readonly string[] | null;
  readonly stichtag: IsoDate;
  readonly reihenfolge: PersonenReihenfolge;
  readonly after: Position | null;
  readonly limit: number;
}

/**
 * Persons of the given nationalities (and, if given, statuses on the Stichtag and districts) after a
 * keyset position, in the asked order; each row carries its sort rank for the next cursor.
 */
export async function listPersonenNachStaatsangehoerigkeit(db: Db, auswahl: PersonenAuswahl): Promise<AuswahlRow[]> {
  const nachQualifikation = auswahl.reihenfolge === 'QUALIFIKATION';
  const sortRang = nachQualifikation ? rang : sql<number>`0`;
  let query = db
    .selectFrom('person')
    .selectAll()
    .select(sortRang.as('rang'))
    .where('staatsangehoerigkeit', 'in', auswahl.staatsangehoerigkeiten);
  const { aufenthaltsarten, agenturbezirke, after, stichtag } = auswahl;
  if (aufenthaltsarten) {
    // Periods never overlap, so a period of one of the kinds in force on the Stichtag is the status then.
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('aufenthaltsstatus')
          .select('aufenthaltsstatus.id')
          .whereRef('aufenthaltsstatus.personId', '=', 'person.id')
          .where('aufenthaltsstatus.art', 'in', aufenthaltsarten)
          .where('aufenthaltsstatus.gueltigAb', '<=', stichtag)
          .where((eb) =>
            eb.or([eb('aufenthaltsstatus.gueltigBis', 'is', null), eb('aufenthaltsstatus.gueltigBis', '>=', stichtag)]),
          ),
      ),
    );
  }
  if (agenturbezirke) query = query.where('agenturbezirk', 'in', agenturbezirke);
  if (!nachQualifikation) {
    if (after) query = query.where('id', '>', after.id);
    return query.orderBy('id').limit(auswahl.limit).execute();
  }
  if (after) query = query.where(sql<boolean>`(${rang}, id) > (${after.rang}, ${after.id}::uuid)`);
  return query.orderBy(rang).orderBy('id').limit(auswahl.limit).execute();
}
