import type { Insertable, Kysely } from 'kysely';
import type { IsoDate } from '@ip/kit';
import { fachkraefteDerStelle } from './fall.repository.ts';
import type { AgenturDatabase, TerminRow, TerminTable } from './tables.ts';

type Db = Kysely<AgenturDatabase>;

export async function findTerminById(db: Db, id: string): Promise<TerminRow | undefined> {
  return db.selectFrom('termin').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTermineByPersonIds(db: Db, personIds: readonly string[]): Promise<TerminRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('termin')
    .selectAll()
    .where('personId', 'in', personIds)
    .orderBy('datum')
    .orderBy('uhrzeit')
    .orderBy('id')
    .execute();
}

/** The day's appointments, optionally only with the specialists of one Integration Point. */
export async function findTermineAm(db: Db, datum: IsoDate, integrationPoint: string | null): Promise<TerminRow[]> {
  let query = db.selectFrom('termin').selectAll().where('datum', '=', datum);
  if (integrationPoint !== null)
    query = query.where('integrationsfachkraftId', 'in', fachkraefteDerStelle(db, integrationPoint));
  return query.orderBy('uhrzeit').orderBy('id').execute();
}

export async function findTermin(
  db: Db,
  personId: string,
  datum: IsoDate,
  uhrzeit: string,
): Promise<TerminRow | undefined> {
  return db
    .selectFrom('termin')
    .selectAll()
    .where('personId', '=', personId)
    .where('datum', '=', datum)
    .where('uhrzeit', '=', uhrzeit)
    .executeTakeFirst();
}

/** Inserts unless the person already has an appointment at that time; then answers undefined. */
export async function insertTermin(db: Db, row: Insertable<TerminTable>): Promise<TerminRow | undefined> {
  return db
    .insertInto('termin')
    .values(row)
    .onConflict((oc) => oc.constraint('termin_einmal').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function insertTermine(db: Db, rows: readonly Insertable<TerminTable>[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('termin')
      .values([...rows])
      .execute();
}
