import type { Insertable, Kysely } from 'kysely';
import type {
  AgenturDatabase,
  KompetenzfeststellungRow,
  KompetenzfeststellungTable,
  SprachkursRow,
  SprachkursStatus,
  SprachkursTable,
} from './tables.ts';

type Db = Kysely<AgenturDatabase>;

/** Competence assessments of all cases of many persons, in one statement. */
export async function findKompetenzfeststellungenByPersonIds(
  db: Db,
  personIds: readonly string[],
): Promise<(KompetenzfeststellungRow & { personId: string })[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('kompetenzfeststellung')
    .innerJoin('fall', 'fall.id', 'kompetenzfeststellung.fallId')
    .selectAll('kompetenzfeststellung')
    .select('fall.personId')
    .where('fall.personId', 'in', personIds)
    .orderBy('kompetenzfeststellung.beginn')
    .orderBy('kompetenzfeststellung.id')
    .execute();
}

export async function findSprachkurseByPersonIds(
  db: Db,
  personIds: readonly string[],
): Promise<(SprachkursRow & { personId: string })[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('sprachkurs')
    .innerJoin('fall', 'fall.id', 'sprachkurs.fallId')
    .selectAll('sprachkurs')
    .select('fall.personId')
    .where('fall.personId', 'in', personIds)
    .orderBy('sprachkurs.beginn')
    .orderBy('sprachkurs.id')
    .execute();
}

export async function findKompetenzfeststellung(
  db: Db,
  fallId: string,
  instrument: string,
  beginn: string,
): Promise<KompetenzfeststellungRow | undefined> {
  return db
    .selectFrom('kompetenzfeststellung')
    .selectAll()
    .where('fallId', '=', fallId)
    .where('instrument', '=', instrument as never)
    .where('beginn', '=', beginn)
    .executeTakeFirst();
}

export async function findKompetenzfeststellungById(db: Db, id: string): Promise<KompetenzfeststellungRow | undefined> {
  return db.selectFrom('kompetenzfeststellung').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertKompetenzfeststellung(
  db: Db,
  row: Insertable<KompetenzfeststellungTable>,
): Promise<KompetenzfeststellungRow> {
  return db.insertInto('kompetenzfeststellung').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Adds a last day and a result to a recorded assessment. */
export async function ergaenzeKompetenzfeststellung(
  db: Db,
  id: string,
  ergaenzung: { ende: string | null; ergebnis: string | null },
): Promise<KompetenzfeststellungRow> {
  return db
    .updateTable('kompetenzfeststellung')
    .set(ergaenzung)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findSprachkurs(
  db: Db,
  fallId: string,
  art: string,
  beginn: string,
): Promise<SprachkursRow | undefined> {
  return db
    .selectFrom('sprachkurs')
    .selectAll()
    .where('fallId', '=', fallId)
    .where('art', '=', art as never)
    .where('beginn', '=', beginn)
    .executeTakeFirst();
}

export async function findSprachkursById(db: Db, id: string): Promise<SprachkursRow | undefined> {
  return db.selectFrom('sprachkurs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSprachkurs(db: Db, row: Insertable<SprachkursTable>): Promise<SprachkursRow> {
  return db.insertInto('sprachkurs').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateSprachkursStatus(
  db: Db,
  id: string,
  status: SprachkursStatus,
  ende: string | null,
): Promise<SprachkursRow> {
  return db
    .updateTable('sprachkurs')
    .set({ status, ende })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertKompetenzfeststellungen(
  db: Db,
  rows: readonly Insertable<KompetenzfeststellungTable>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('kompetenzfeststellung')
      .values([...rows])
      .execute();
}

export async function insertSprachkurse(db: Db, rows: readonly Insertable<SprachkursTable>[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('sprachkurs')
      .values([...rows])
      .execute();
}
