import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '@ip/kit';
import { createTestDatabase, type TestDatabase } from '@ip/kit/testing';
import { migrations } from '../src/db/migrations.ts';
import { countFaelle, findNewestFallByPersonIds, insertFaelle } from '../src/db/fall.repository.ts';
import { insertFachkraefte } from '../src/db/stammdaten.repository.ts';
import { prepareDatabase, type AgenturDatabase } from '../src/server.ts';

const PERSON = '6f1c2a9e-3b4d-4c5e-8f60-718293a4b5c6';
const FACHKRAFT = '0b6f3c1d-2e4a-4b5c-9d6e-7f8091a2b3c4';

let database: TestDatabase<AgenturDatabase>;

beforeEach(async () => {
  database = await createTestDatabase<AgenturDatabase>('agentur-empty', (db) => prepareDatabase(db));
  await insertFachkraefte(database.db, [
    {
      id: FACHKRAFT,
      name: 'Katrin Schneider',
      integrationPoint: 'Integration Point Düsseldorf',
      agenturbezirk: 'Düsseldorf',
    },
  ]);
});

afterEach(async () => {
  await database?.close();
});

const fall = (overrides: Partial<Parameters<typeof insertFaelle>[1][number]> = {}) => ({
  personId: PERSON,
  kundennummer: '962D104857',
  eroeffnetAm: '2015-10-05',
  status: 'AKTIV' as const,
  statusSeit: '2015-10-05',
  integrationsfachkraftId: FACHKRAFT,
  ...overrides,
});

type Fall = ReturnType<typeof fall>;

/** Cases as the intake writes them: the person's number registered first. */
async function insertMitNummer(rows: Fall[]): Promise<void> {
  await database.db
    .insertInto('kundennummer')
    .values(rows.map(({ kundennummer, personId }) => ({ kundennummer, personId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await insertFaelle(database.db, rows);
}

describe('migrations', () => {
  it('migrate an empty database, and again without change', async () => {
    await prepareDatabase(database.db);
    expect(await countFaelle(database.db)).toBe(0);
  });

  it('accept a well-formed case', async () => {
    await insertMitNummer([fall()]);
    expect(await countFaelle(database.db)).toBe(1);
  });

  it.each([
    ['a customer number without the letter', { kundennummer: '9624104857' }],
    ['a customer number with a lower-case letter', { kundennummer: '962d104857' }],
    ['a customer number one digit short', { kundennummer: '962D10485' }],
    ['an unknown status', { status: 'OFFEN' as 'AKTIV' }],
    ['a status day before the opening', { statusSeit: '2015-10-04' }],
    ['an unknown specialist', { integrationsfachkraftId: '1b6f3c1d-2e4a-4b5c-9d6e-7f8091a2b3c4' }],
  ])('refuse %s', async (_, overrides) => {
    await expect(insertMitNummer([fall(overrides)])).rejects.toThrow();
  });

  it("keep a customer number to one person, and a person to one number, and a case to its person's number", async () => {
    await insertMitNummer([fall()]);
    const andere = '1b6f3c1d-2e4a-4b5c-9d6e-7f8091a2b3c4';
    await expect(
      database.db.insertInto('kundennummer').values({ kundennummer: '962D104857', personId: andere }).execute(),
    ).rejects.toThrow();
    await expect(
      database.db.insertInto('kundennummer').values({ kundennummer: '962D000009', personId: PERSON }).execute(),
    ).rejects.toThrow();
    await expect(
      insertFaelle(database.db, [fall({ personId: andere, eroeffnetAm: '2015-11-02', statusSeit: '2015-11-02' })]),
    ).rejects.toThrow(/foreign key/);
  });

  it('allow one active case per person, next to closed ones, and find the newest', async () => {
    await insertMitNummer([
      fall({ eroeffnetAm: '2015-09-02', status: 'ABGESCHLOSSEN', statusSeit: '2015-09-20' }),
      fall(),
    ]);
    await expect(
      insertFaelle(database.db, [fall({ eroeffnetAm: '2015-11-02', statusSeit: '2015-11-02' })]),
    ).rejects.toThrow(/fall_ein_aktiver/);
    const [newest] = await findNewestFallByPersonIds(database.db, [PERSON]);
    expect(newest).toMatchObject({ kundennummer: '962D104857', status: 'AKTIV', eroeffnetAm: '2015-10-05' });
  });

  it('refuse an event of an unknown kind', async () => {
    await insertMitNummer([fall()]);
    const { id } = await database.db.selectFrom('fall').select('id').executeTakeFirstOrThrow();
    const event = { fallId: id, am: '2015-10-05', notiz: null };
    await database.db
      .insertInto('fallEreignis')
      .values({ ...event, art: 'EROEFFNET' })
      .execute();
    await expect(
      database.db
        .insertInto('fallEreignis')
        .values({ ...event, art: 'ERÖFFNET' as 'EROEFFNET' })
        .execute(),
    ).rejects.toThrow();
  });
});

describe('the customer-number register (2015-11-27-008) on data from before it', () => {
  it("keeps a returning person's older number and a regular customer's clashing number as recorded, and binds new rows", async () => {
    const vorher = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '2015-11-27-008'));
    const alt = await createTestDatabase<AgenturDatabase>('agentur-vor-008', (db) => migrateToLatest(db, vorher));
    try {
      const ANDERE = '1b6f3c1d-2e4a-4b5c-9d6e-7f8091a2b3c4';
      await insertFachkraefte(alt.db, [
        {
          id: FACHKRAFT,
          name: 'Katrin Schneider',
          integrationPoint: 'Integration Point Düsseldorf',
          agenturbezirk: 'Düsseldorf',
        },
      ]);
      // Before the register a returning person got a new number, and a regular customer's number was not checked.
      await insertFaelle(alt.db, [
        fall({
          kundennummer: '962D000001',
          eroeffnetAm: '2015-09-02',
          status: 'ABGESCHLOSSEN',
          statusSeit: '2015-09-20',
        }),
        fall({ kundennummer: '962D000002' }),
      ]);
      await alt.db
        .insertInto('regelkunde')
        .values({ personId: ANDERE, kundennummer: '962D000001', seit: '2014-03-01' })
        .execute();

      await migrateToLatest(alt.db, migrations);
      const register = await alt.db.selectFrom('kundennummer').selectAll().orderBy('kundennummer').execute();
      // Each person's newest number; the older case keeps the number it was opened under.
      expect(register).toEqual([
        { kundennummer: '962D000001', personId: ANDERE },
        { kundennummer: '962D000002', personId: PERSON },
      ]);
      expect(await countFaelle(alt.db)).toBe(2);
      await expect(
        alt.db
          .insertInto('regelkunde')
          .values({ personId: FACHKRAFT, kundennummer: '962D000002', seit: '2016-01-04' })
          .execute(),
      ).rejects.toThrow(/foreign key/);
    } finally {
      await alt.close();
    }
  });
});
