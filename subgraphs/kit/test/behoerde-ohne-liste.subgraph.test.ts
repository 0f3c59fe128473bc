import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { datenschutzMigrations } from '../src/consent/index.ts';
import { migrateToLatest } from '../src/migrations.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';

const MIGRATION = '2016-12-02-900-behoerde-ohne-liste';
const PERSON = '6f1c2a4e-1d7b-4c3e-9a51-2b8d7e0f4a11';
const BEFORE = Object.fromEntries(Object.entries(datenschutzMigrations).filter(([name]) => name < MIGRATION));

let database: TestDatabase<unknown> | undefined;
afterEach(async () => database?.close());

/** One row in each of the four columns that name an agency, all naming `agency`. */
async function writeEveryColumn(db: Kysely<unknown>, agency: string): Promise<void> {
  const id = crypto.randomUUID();
  await sql`insert into einwilligung (id, person_id, unterschrieben_am, erfasst_von, erfasst_durch)
    values (${id}, ${PERSON}, '2015-11-02', 'u1', ${agency})`.execute(db);
  await sql`insert into einwilligung_freigabe (einwilligung_id, empfaenger, kategorie)
    values (${id}, ${agency}, 'kindergeld')`.execute(db);
  await sql`insert into rechtsgrundlage (empfaenger, kategorie, paragraph, beschreibung, gueltig_ab)
    values (${agency}, 'kindergeld', '§ 1', 'Probe', '2015-01-01')`.execute(db);
  await sql`insert into zugriffsprotokoll (anfragende_behoerde, benutzer, rolle, person_id, kategorie, operation, entscheidung)
    values (${agency}, 'u1', 'sachbearbeitung', ${PERSON}, 'kindergeld', 'Probe', 'VERWEIGERT')`.execute(db);
}

describe(`the consent tables after ${MIGRATION}`, () => {
  it('refused an agency outside the list of 2015 before it', async () => {
    database = await createTestDatabase<unknown>('behoerde-vorher', (db) => migrateToLatest(db, BEFORE));
    await writeEveryColumn(database.db, 'familienkasse');
    await expect(writeEveryColumn(database.db, 'sozialamt')).rejects.toThrow(/check constraint/);
  });

  it('take an agency that joined later in every column, on a database migrated before, with no migration of its own', async () => {
    database = await createTestDatabase<unknown>('behoerde-nachher', (db) => migrateToLatest(db, BEFORE));
    await writeEveryColumn(database.db, 'familienkasse');
    await migrateToLatest(database.db, datenschutzMigrations);
    await writeEveryColumn(database.db, 'sozialamt');
    const { rows } = await sql<{ count: string }>`select count(*) from zugriffsprotokoll`.execute(database.db);
    expect(Number(rows[0]!.count)).toBe(2);
  });

  it.each([['Sozialamt'], [''], ['sozial amt'], ['1amt'], ['a'.repeat(64)]])(
    'still refuse %j, which is no agency name in any registry',
    async (name) => {
      database = await createTestDatabase<unknown>('behoerde-form', (db) => migrateToLatest(db, datenschutzMigrations));
      await expect(writeEveryColumn(database.db, name)).rejects.toThrow(/_name/);
    },
  );
});
