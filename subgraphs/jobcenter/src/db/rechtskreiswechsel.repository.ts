import type { Insertable, Kysely } from 'kysely';
import type {
  JobcenterDatabase,
  RechtskreiswechselRow,
  RechtskreiswechselTable,
  Sgb3MassnahmeRow,
  Sgb3MassnahmeTable,
} from './tables.ts';

type Db = Kysely<JobcenterDatabase>;

export async function findWechselByPersonIds(db: Db, personIds: readonly string[]): Promise<RechtskreiswechselRow[]> {
  if (personIds.length === 0) return [];
  return db.selectFrom('rechtskreiswechsel').selectAll().where('personId', 'in', personIds).execute();
}

export async function findMassnahmenByPersonIds(db: Db, personIds: readonly string[]): Promise<Sgb3MassnahmeRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('sgb3Massnahme')
    .selectAll()
    .where('personId', 'in', personIds)
    .orderBy('ende')
    .orderBy('id')
    .execute();
}

export async function insertWechsel(
  db: Db,
  wechsel: Insertable<RechtskreiswechselTable>,
  massnahmen: readonly Omit<Insertable<Sgb3MassnahmeTable>, 'personId'>[],
): Promise<boolean> {
  const inserted = await db
    .insertInto('rechtskreiswechsel')
    .values(wechsel)
    .onConflict((oc) => oc.column('personId').doNothing())
    .returning('personId')
    .executeTakeFirst();
  if (inserted && massnahmen.length > 0) {
    await db
      .insertInto('sgb3Massnahme')
      .values(massnahmen.map((massnahme) => ({ ...massnahme, personId: wechsel.personId })))
      .execute();
  }
  return inserted !== undefined;
}

/** Everything the gap detection reads, in two statements: the records, and the applications of the persons' BGs. */
export async function findWechselakten(db: Db) {
  const wechsel = await db.selectFrom('rechtskreiswechsel').selectAll().execute();
  if (wechsel.length === 0) return { wechsel, antraege: [] };
  const antraege = await db
    .selectFrom('bgMitglied as m')
    .innerJoin('leistungsantrag as a', 'a.bedarfsgemeinschaftId', 'm.bedarfsgemeinschaftId')
    .select(['m.personId', 'a.eingangAm', 'a.status', 'a.bewilligtAb', 'a.bewilligtBis'])
    .where(
      'm.personId',
      'in',
      wechsel.map((row) => row.personId),
    )
    .execute();
  return { wechsel, antraege };
}
