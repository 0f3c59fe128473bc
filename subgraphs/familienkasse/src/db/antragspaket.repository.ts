import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { AntragspaketRow, AntragspaketTable, FamilienkasseDatabase } from './tables.ts';

type Db = Kysely<FamilienkasseDatabase>;

/**
 * The key that signs matrix codes lives with the Familienkasse's own data: made once, on first use, and
 * the same for every process on this database.
 */
export async function matrixCodeKey(db: Db): Promise<Buffer> {
  await db
    .insertInto('matrixcodeSchluessel')
    .values({ id: 1, schluessel: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const { schluessel } = await db
    .selectFrom('matrixcodeSchluessel')
    .select('schluessel')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return Buffer.from(schluessel, 'hex');
}

export async function insertAntragspaket(db: Db, paket: Insertable<AntragspaketTable>): Promise<AntragspaketRow> {
  return db.insertInto('antragspaket').values(paket).returningAll().executeTakeFirstOrThrow();
}

export async function findAntragspaketByCode(db: Db, matrixCode: string): Promise<AntragspaketRow | undefined> {
  return db.selectFrom('antragspaket').selectAll().where('matrixCode', '=', matrixCode).executeTakeFirst();
}

export async function findAntragspaketeByIds(db: Db, ids: readonly string[]): Promise<AntragspaketRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('antragspaket').selectAll().where('id', 'in', ids).execute();
}

export async function findAntragspaketeByPersonIds(db: Db, personIds: readonly string[]): Promise<AntragspaketRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('antragspaket')
    .selectAll()
    .where('personId', 'in', personIds)
    .orderBy('ausgegebenAm')
    .orderBy('id')
    .execute();
}
