import type { Insertable, Kysely } from 'kysely';
import type { Titelart } from '../domain/berechtigung.ts';
import type {
  FamilienkasseDatabase,
  KindergeldAntragRow,
  KindergeldAntragTable,
  KindRow,
  KindTable,
} from './tables.ts';

type Db = Kysely<FamilienkasseDatabase>;

/** The applications of many applicants in one statement, each applicant's oldest first. */
export async function findAntraegeByPersonIds(db: Db, personIds: readonly string[]): Promise<KindergeldAntragRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('kindergeldAntrag')
    .selectAll()
    .where('personId', 'in', personIds)
    .orderBy('personId')
    .orderBy('eingangAm')
    .orderBy('id')
    .execute();
}

/** The children of many applications in one statement, oldest child first. */
export async function findKinderByAntragIds(db: Db, antragIds: readonly string[]): Promise<KindRow[]> {
  if (antragIds.length === 0) return [];
  return db
    .selectFrom('kind')
    .selectAll()
    .where('kindergeldAntragId', 'in', antragIds)
    .orderBy('geburtsdatum')
    .orderBy('id')
    .execute();
}

export async function countAntraege(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom('kindergeldAntrag')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return count;
}

export async function insertAntrag(
  db: Db,
  antrag: Insertable<KindergeldAntragTable>,
  kinder: readonly Omit<Insertable<KindTable>, 'kindergeldAntragId'>[],
): Promise<string> {
  const { id } = await db.insertInto('kindergeldAntrag').values(antrag).returning('id').executeTakeFirstOrThrow();
  if (kinder.length > 0)
    await db
      .insertInto('kind')
      .values(kinder.map((kind) => ({ ...kind, kindergeldAntragId: id })))
      .execute();
  return id;
}

export async function findAntraegeByIds(db: Db, ids: readonly string[]): Promise<KindergeldAntragRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('kindergeldAntrag').selectAll().where('id', 'in', ids).execute();
}

export async function findAntragByPaketId(db: Db, antragspaketId: string): Promise<KindergeldAntragRow | undefined> {
  return db.selectFrom('kindergeldAntrag').selectAll().where('antragspaketId', '=', antragspaketId).executeTakeFirst();
}

export async function findKindergeldnummerOfPerson(db: Db, personId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('kindergeldAntrag')
    .select('kindergeldnummer')
    .where('personId', '=', personId)
    .limit(1)
    .executeTakeFirst();
  return row?.kindergeldnummer;
}

export async function isKindergeldnummerTaken(db: Db, kindergeldnummer: string): Promise<boolean> {
  const row = await db
    .selectFrom('kindergeldAntrag')
    .select('id')
    .where('kindergeldnummer', '=', kindergeldnummer)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts the application of a packet unless one exists; a concurrent second scan gets `undefined`. */
export async function insertAntragOnce(
  db: Db,
  antrag: Insertable<KindergeldAntragTable>,
): Promise<KindergeldAntragRow | undefined> {
  return db
    .insertInto('kindergeldAntrag')
    .values(antrag)
    .onConflict((oc) => oc.column('antragspaketId').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export interface Bescheid {
  readonly beschiedenAm: string;
  readonly ergebnis: 'BEWILLIGT' | 'ABGELEHNT';
  readonly monatsbetrag: number | null;
  readonly bewilligtAb: string | null;
  readonly titelArt: Titelart | null;
  readonly titelRechtsgrundlage: string | null;
  readonly titelGueltigAb: string | null;
  readonly titelGueltigBis: string | null;
  readonly berechtigungRegel: string | null;
  readonly steuerId: string | null;
  readonly ablehnungsgrund: string | null;
  readonly bearbeitungsarbeitstage: number;
}

/** Records the decision of a still open application; `undefined` if it was decided meanwhile. */
export async function decideAntrag(db: Db, id: string, bescheid: Bescheid): Promise<KindergeldAntragRow | undefined> {
  return db
    .updateTable('kindergeldAntrag')
    .set(bescheid)
    .where('id', '=', id)
    .where('beschiedenAm', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function insertKinder(
  db: Db,
  antragId: string,
  kinder: readonly Omit<Insertable<KindTable>, 'kindergeldAntragId'>[],
): Promise<void> {
  if (kinder.length > 0)
    await db
      .insertInto('kind')
      .values(kinder.map((kind) => ({ ...kind, kindergeldAntragId: antragId })))
      .execute();
}

/** The applications that came back in these packets' envelopes, in one statement. */
export async function findAntraegeByPaketIds(db: Db, paketIds: readonly string[]): Promise<KindergeldAntragRow[]> {
  if (paketIds.length === 0) return [];
  return db.selectFrom('kindergeldAntrag').selectAll().where('antragspaketId', 'in', paketIds).execute();
}
