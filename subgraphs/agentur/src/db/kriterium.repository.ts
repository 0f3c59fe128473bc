import { sql, type Insertable, type Kysely } from 'kysely';
import type { IsoDate } from '@ip/kit';
import type { AgenturDatabase, BleibeperspektiveKriteriumRow, BleibeperspektiveKriteriumTable } from './tables.ts';

type Db = Kysely<AgenturDatabase>;

export async function findKriterienAm(db: Db, stichtag: IsoDate): Promise<BleibeperspektiveKriteriumRow[]> {
  return db
    .selectFrom('bleibeperspektiveKriterium')
    .selectAll()
    .where('gueltigAb', '<=', stichtag)
    .where((eb) => eb.or([eb('gueltigBis', 'is', null), eb('gueltigBis', '>=', stichtag)]))
    .orderBy('staatsangehoerigkeit')
    .execute();
}

export async function findAlleKriterien(db: Db): Promise<BleibeperspektiveKriteriumRow[]> {
  return db
    .selectFrom('bleibeperspektiveKriterium')
    .selectAll()
    .orderBy('staatsangehoerigkeit')
    .orderBy('gueltigAb')
    .execute();
}

export async function findKriteriumById(db: Db, id: string): Promise<BleibeperspektiveKriteriumRow | undefined> {
  return db.selectFrom('bleibeperspektiveKriterium').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findKriterienByLand(
  db: Db,
  staatsangehoerigkeit: string,
): Promise<BleibeperspektiveKriteriumRow[]> {
  return db
    .selectFrom('bleibeperspektiveKriterium')
    .selectAll()
    .where('staatsangehoerigkeit', '=', staatsangehoerigkeit)
    .orderBy('gueltigAb')
    .execute();
}

/** Changes to the list wait for each other, so two team leads cannot agree overlapping periods at once. */
export async function lockKriterien(db: Db): Promise<void> {
  await sql`lock table bleibeperspektive_kriterium in share row exclusive mode`.execute(db);
}

export async function insertKriterium(
  db: Db,
  row: Insertable<BleibeperspektiveKriteriumTable>,
): Promise<BleibeperspektiveKriteriumRow> {
  return db.insertInto('bleibeperspektiveKriterium').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertKriterien(
  db: Db,
  rows: readonly Insertable<BleibeperspektiveKriteriumTable>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('bleibeperspektiveKriterium')
      .values([...rows])
      .execute();
}

export async function endKriterium(
  db: Db,
  id: string,
  gueltigBis: IsoDate,
  beendetVon: string,
): Promise<BleibeperspektiveKriteriumRow> {
  return db
    .updateTable('bleibeperspektiveKriterium')
    .set({ gueltigBis, beendetVon, beendetUm: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
