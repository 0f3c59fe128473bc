import type { Insertable, Kysely } from 'kysely';
import type {
  BedarfsgemeinschaftRow,
  BedarfsgemeinschaftTable,
  BgMitgliedRow,
  BgMitgliedTable,
  JobcenterDatabase,
  LeistungsantragRow,
  LeistungsantragTable,
} from './tables.ts';

type Db = Kysely<JobcenterDatabase>;

export async function findBgById(db: Db, id: string): Promise<BedarfsgemeinschaftRow | undefined> {
  return db.selectFrom('bedarfsgemeinschaft').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findLeistungsantragById(db: Db, id: string): Promise<LeistungsantragRow | undefined> {
  return db.selectFrom('leistungsantrag').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The Bedarfsgemeinschaft of each of many persons, in one statement, with the member it was found through. */
export async function findBgsByPersonIds(
  db: Db,
  personIds: readonly string[],
): Promise<(BedarfsgemeinschaftRow & { personId: string })[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('bgMitglied as m')
    .innerJoin('bedarfsgemeinschaft as bg', 'bg.id', 'm.bedarfsgemeinschaftId')
    .select(['bg.id', 'bg.bgNummer', 'bg.gegruendetAm', 'm.personId'])
    .where('m.personId', 'in', personIds)
    .execute();
}

/** Members of many Bedarfsgemeinschaften: applicant first, then partner, then children by joining date. */
export async function findMitgliederByBgIds(db: Db, bgIds: readonly string[]): Promise<BgMitgliedRow[]> {
  if (bgIds.length === 0) return [];
  return db
    .selectFrom('bgMitglied')
    .selectAll()
    .where('bedarfsgemeinschaftId', 'in', bgIds)
    .orderBy((eb) =>
      eb
        .case()
        .when('rolle', '=', 'ANTRAGSTELLENDE_PERSON')
        .then(0)
        .when('rolle', '=', 'PARTNER')
        .then(1)
        .else(2)
        .end(),
    )
    .orderBy('seit')
    .orderBy('personId')
    .execute();
}

export async function findAntraegeByBgIds(db: Db, bgIds: readonly string[]): Promise<LeistungsantragRow[]> {
  if (bgIds.length === 0) return [];
  return db
    .selectFrom('leistungsantrag')
    .selectAll()
    .where('bedarfsgemeinschaftId', 'in', bgIds)
    .orderBy('eingangAm')
    .orderBy('id')
    .execute();
}

export async function countBgs(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom('bedarfsgemeinschaft')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return count;
}

export async function insertBg(
  db: Db,
  bg: Insertable<BedarfsgemeinschaftTable>,
  mitglieder: readonly Omit<Insertable<BgMitgliedTable>, 'bedarfsgemeinschaftId'>[],
  antraege: readonly Omit<Insertable<LeistungsantragTable>, 'bedarfsgemeinschaftId'>[],
): Promise<string> {
  const { id } = await db.insertInto('bedarfsgemeinschaft').values(bg).returning('id').executeTakeFirstOrThrow();
  if (mitglieder.length > 0)
    await db
      .insertInto('bgMitglied')
      .values(mitglieder.map((m) => ({ ...m, bedarfsgemeinschaftId: id })))
      .execute();
  if (antraege.length > 0)
    await db
      .insertInto('leistungsantrag')
      .values(antraege.map((a) => ({ ...a, bedarfsgemeinschaftId: id })))
      .execute();
  return id;
}
