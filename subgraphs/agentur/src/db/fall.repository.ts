import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { IsoDate, PageRequest } from '@ip/kit';
import type {
  AgenturDatabase,
  FallEreignisRow,
  FallEreignisTable,
  FallRow,
  FallTable,
  FallUebergabeRow,
  FallUebergabeTable,
} from './tables.ts';

type Db = Kysely<AgenturDatabase>;

/** The ids of an Integration Point's specialists, as a subquery. */
export const fachkraefteDerStelle = (db: Db, integrationPoint: string) =>
  db.selectFrom('integrationsfachkraft').select('id').where('integrationPoint', '=', integrationPoint);

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

export async function findFaelleByIds(db: Db, ids: readonly string[]): Promise<FallRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('fall').selectAll().where('id', 'in', ids).execute();
}

/** Locks the case for the rest of the transaction, so two changes to it run one after the other. */
export async function lockFall(db: Db, id: string): Promise<FallRow | undefined> {
  return db.selectFrom('fall').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findAktiverFallByPerson(db: Db, personId: string): Promise<FallRow | undefined> {
  return db
    .selectFrom('fall')
    .selectAll()
    .where('personId', '=', personId)
    .where('status', '=', 'AKTIV')
    .executeTakeFirst();
}

/** The registered customer numbers of a number and of a person (at most two rows, one statement). */
export async function findKundennummern(
  db: Db,
  kundennummer: string,
  personId: string,
): Promise<{ kundennummer: string; personId: string }[]> {
  return db
    .selectFrom('kundennummer')
    .selectAll()
    .where((eb) => eb.or([eb('kundennummer', '=', kundennummer), eb('personId', '=', personId)]))
    .execute();
}

/** Registers a person's number unless it is registered already; a concurrent registration wins quietly. */
export async function registerKundennummern(
  db: Db,
  rows: readonly { kundennummer: string; personId: string }[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('kundennummer')
      .values([...rows])
      .onConflict((oc) => oc.doNothing())
      .execute();
}

/** Of the given persons, those the Agentur already knows: with a case of any status, or as regular customers. */
export async function findBekanntePersonIds(db: Db, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('fall')
    .select('personId')
    .where('personId', 'in', personIds)
    .union(db.selectFrom('regelkunde').select('personId').where('personId', 'in', personIds))
    .execute();
  return new Set(rows.map((row) => row.personId));
}

/**
 * Every case opened by the day, of one Integration Point's specialists or all: the caseload on any day up
 * to it follows from opening and end days, so an excess can be traced back to where it began.
 */
export async function findFaelleEroeffnetBis(
  db: Db,
  bis: IsoDate,
  integrationPoint: string | null,
): Promise<FallRow[]> {
  let query = db
    .selectFrom('fall')
    .selectAll()
    .where('eroeffnetAm', '<=', bis)
    .where('integrationsfachkraftId', 'is not', null);
  if (integrationPoint !== null)
    query = query.where('integrationsfachkraftId', 'in', fachkraefteDerStelle(db, integrationPoint));
  return query.execute();
}

/**
 * Active cases whose maximum stay ends within the lead time after the Stichtag (or has ended), oldest first.
 * PostgreSQL adds months as §§ 187, 188 BGB count them (31 Aug + 6 months = 29 Feb), the same day the
 * domain rule computes, and the partial index on active cases serves the order.
 */
function uebergabenFaelligQuery(
  db: Db,
  stichtag: IsoDate,
  monate: number,
  vorlaufTage: number,
  integrationPoint: string | null,
) {
  let query = db
    .selectFrom('fall')
    .where('status', '=', 'AKTIV')
    .where('eroeffnetAm', '<=', stichtag)
    .where(
      sql<boolean>`(eroeffnet_am + make_interval(months => ${monate}))::date - ${vorlaufTage}::int <= ${stichtag}::date`,
    );
  if (integrationPoint !== null)
    query = query.where('integrationsfachkraftId', 'in', fachkraefteDerStelle(db, integrationPoint));
  return query;
}

export async function listUebergabenFaellig(
  db: Db,
  options: {
    stichtag: IsoDate;
    monate: number;
    vorlaufTage: number;
    integrationPoint: string | null;
    page: PageRequest;
    after: { eroeffnetAm: IsoDate; id: string } | null;
  },
): Promise<FallRow[]> {
  let query = uebergabenFaelligQuery(
    db,
    options.stichtag,
    options.monate,
    options.vorlaufTage,
    options.integrationPoint,
  ).selectAll();
  const { after } = options;
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('eroeffnetAm', '>', after.eroeffnetAm),
        eb.and([eb('eroeffnetAm', '=', after.eroeffnetAm), eb('id', '>', after.id)]),
      ]),
    );
  return query
    .orderBy('eroeffnetAm')
    .orderBy('id')
    .limit(options.page.limit + 1)
    .execute();
}

export async function countUebergabenFaellig(
  db: Db,
  options: { stichtag: IsoDate; monate: number; vorlaufTage: number; integrationPoint: string | null },
): Promise<number> {
  const { count } = await uebergabenFaelligQuery(
    db,
    options.stichtag,
    options.monate,
    options.vorlaufTage,
    options.integrationPoint,
  )
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function insertFall(db: Db, row: Insertable<FallTable>): Promise<FallRow> {
  return db.insertInto('fall').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateFall(db: Db, id: string, changes: Updateable<FallTable>): Promise<FallRow> {
  return db.updateTable('fall').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function findEreignisseByFallIds(db: Db, fallIds: readonly string[]): Promise<FallEreignisRow[]> {
  if (fallIds.length === 0) return [];
  return db.selectFrom('fallEreignis').selectAll().where('fallId', 'in', fallIds).orderBy('am').orderBy('id').execute();
}

export async function findUebergabenByFallIds(db: Db, fallIds: readonly string[]): Promise<FallUebergabeRow[]> {
  if (fallIds.length === 0) return [];
  return db.selectFrom('fallUebergabe').selectAll().where('fallId', 'in', fallIds).execute();
}

export async function insertUebergabe(db: Db, row: Insertable<FallUebergabeTable>): Promise<FallUebergabeRow> {
  return db.insertInto('fallUebergabe').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function countFaelle(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom('fall')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function insertFaelle(db: Db, rows: readonly Insertable<FallTable>[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('fall')
      .values([...rows])
      .execute();
}

export async function insertEreignisse(db: Db, rows: readonly Insertable<FallEreignisTable>[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('fallEreignis')
      .values([...rows])
      .execute();
}

export async function insertUebergaben(db: Db, rows: readonly Insertable<FallUebergabeTable>[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('fallUebergabe')
      .values([...rows])
      .execute();
}
