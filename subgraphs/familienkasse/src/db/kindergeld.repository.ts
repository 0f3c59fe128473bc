import type { Insertable, Kysely } from 'kysely';
import type { FamilienkasseDatabase, KindergeldAntragRow, KindergeldAntragTable, KindRow, KindTable } from './tables.ts';

type Db = Kysely<FamilienkasseDatabase>;

/** The applications of many applicants in one statement, each applicant's oldest first. */
export async function findAntraegeByPersonIds(db: Db, personIds: readonly string[]): Promise<KindergeldAntragRow[]> {
  if (personIds.length === 0) return [];
  return db.selectFrom('kindergeldAntrag').selectAll().where('personId', 'in', personIds).orderBy('personId').orderBy('eingangAm').orderBy('id').execute();
}

/** The children of many applications in one statement, oldest child first. */
export async function findKinderByAntragIds(db: Db, antragIds: readonly string[]): Promise<KindRow[]> {
  if (antragIds.length === 0) return [];
  return db.selectFrom('kind').selectAll().where('kindergeldAntragId', 'in', antragIds).orderBy('geburtsdatum').orderBy('id').execute();
}

export async function countAntraege(db: Db): Promise<number> {
  const { count } = await db.selectFrom('kindergeldAntrag').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return count;
}

export async function insertAntrag(db: Db, antrag: Insertable<KindergeldAntragTable>, kinder: readonly Omit<Insertable<KindTable>, 'kindergeldAntragId'>[]): Promise<string> {
  const { id } = await db.insertInto('kindergeldAntrag').values(antrag).returning('id').executeTakeFirstOrThrow();
  if (kinder.length > 0) await db.insertInto('kind').values(kinder.map((kind) => ({ ...kind, kindergeldAntragId: id }))).execute();
  return id;
}
