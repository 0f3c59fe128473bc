import type { Insertable, Kysely } from 'kysely';
import type { LeistungszeitraumRow, LeistungszeitraumTable, SozialamtDatabase } from './tables.ts';

type Db = Kysely<SozialamtDatabase>;

/** The benefit periods of many persons in one statement, each person's oldest first. */
export async function findZeitraeumeByPersonIds(db: Db, personIds: readonly string[]): Promise<LeistungszeitraumRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('leistungszeitraum')
    .selectAll()
    .where('personId', 'in', personIds)
    .orderBy('personId')
    .orderBy('ab')
    .execute();
}

export async function countZeitraeume(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom('leistungszeitraum')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function insertZeitraeume(
  db: Db,
  zeitraeume: readonly Insertable<LeistungszeitraumTable>[],
): Promise<void> {
  // PostgreSQL takes at most 65535 parameters per statement: 7 columns, so chunks of 5000 rows.
  for (let i = 0; i < zeitraeume.length; i += 5000) {
    await db
      .insertInto('leistungszeitraum')
      .values(zeitraeume.slice(i, i + 5000))
      .execute();
  }
}
