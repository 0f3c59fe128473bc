import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendAccessLog,
  datenschutzMigrations,
  findConsentsByPersonIds,
  insertConsent,
  listAccessLog,
  ownersCopy,
  purgeAccessLog,
  withdrawConsent,
  type DatenschutzTables,
} from '../src/consent/index.ts';
import { migrateToLatest, type Migrations } from '../src/migrations.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';

const PERSON = '6f1c2a4e-1d7b-4c3e-9a51-2b8d7e0f4a11';
let database: TestDatabase<DatenschutzTables>;

beforeAll(async () => {
  database = await createTestDatabase<DatenschutzTables>('datenschutz', (db) =>
    migrateToLatest(db, datenschutzMigrations),
  );
});
afterAll(async () => database?.close());

const entry = (kategorie: string) => ({
  anfragendeBehoerde: 'jobcenter' as const,
  benutzer: 'u1',
  rolle: 'fallmanagement',
  personId: PERSON,
  kategorie,
  operation: 'PersonView',
  operationHash: 'a'.repeat(64),
  rechtsgrundlage: null,
  entscheidung: 'VERWEIGERT' as const,
});

describe('the access log', () => {
  it('refuses an operation hash that is no sha256 and, from now on, an operation name over 255 characters', async () => {
    const { db } = database;
    await expect(appendAccessLog(db, [{ ...entry('identitaet'), operationHash: 'nicht-hex' }])).rejects.toThrow(
      /check constraint/,
    );
    await expect(appendAccessLog(db, [{ ...entry('identitaet'), operation: 'A'.repeat(256) }])).rejects.toThrow(
      /zugriffsprotokoll_operation_kurz/,
    );
  });

  it('refuses updates, deletes and truncation from the application', async () => {
    const { db } = database;
    await appendAccessLog(db, [entry('identitaet')]);
    await expect(db.updateTable('zugriffsprotokoll').set({ benutzer: 'someone else' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('zugriffsprotokoll').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate zugriffsprotokoll`.execute(db)).rejects.toThrow(/append-only/);
    const rows = await listAccessLog(db, PERSON, { limit: 10, afterKey: null });
    expect(rows.map((row) => row.benutzer)).toContain('u1');
  });

  it("keeps a request's entries as written and in order, whatever their text", async () => {
    const { db } = database;
    const person = crypto.randomUUID();
    const written = [
      { ...entry('identitaet'), personId: person, operation: 'Name_mit_"Anfuehrung",{Klammer}\\und NULL' },
      {
        ...entry('aufenthalt'),
        personId: person,
        rechtsgrundlage: '§ 18b AZR-Gesetz',
        entscheidung: 'FREIGEGEBEN' as const,
      },
      { ...entry('kindergeld'), personId: person, operationHash: null },
    ];
    await appendAccessLog(db, written);
    const rows = await listAccessLog(db, person, { limit: 10, afterKey: null });
    // Every field written comes back as written, oldest first; the log adds its own (id, time).
    expect(rows.reverse()).toMatchObject(written);
  });

  it('lets the retention purge remove only entries older than the cut-off', async () => {
    const { db } = database;
    await appendAccessLog(db, [entry('alt'), entry('neu')]);
    // Age one entry the only way possible: past the trigger, as a migration of old data would.
    await sql`alter table zugriffsprotokoll disable trigger zugriffsprotokoll_nur_anfuegen`.execute(db);
    await sql`update zugriffsprotokoll set zeitpunkt = now() - interval '200 days' where kategorie = 'alt'`.execute(db);
    await sql`alter table zugriffsprotokoll enable trigger zugriffsprotokoll_nur_anfuegen`.execute(db);

    const sixMonthsAgo = new Date(Date.now() - 183 * 24 * 3600 * 1000);
    expect(await purgeAccessLog(db, sixMonthsAgo)).toBe(1);
    const left = (await listAccessLog(db, PERSON, { limit: 10, afterKey: null })).map((row) => row.kategorie);
    expect(left).toContain('neu');
    expect(left).not.toContain('alt');
    // The cut-off set for the purge ends with its transaction: a later delete is refused again.
    await expect(db.deleteFrom('zugriffsprotokoll').execute()).rejects.toThrow(/append-only/);
  });
});

describe('consent copies', () => {
  it("keep the owner's lines and read back with their grants, withdrawal from that day on", async () => {
    const { db } = database;
    const copy = ownersCopy(
      {
        id: '0d4f8a2c-5b6e-4f1a-8c3d-9e7b1a2c3d4e',
        personId: PERSON,
        unterschriebenAm: '2015-11-02',
        zweck: ' Beratung im Integration Point ',
        verweigerungsfolgenErklaert: true,
        freigaben: [
          { von: 'AUSLAENDERBEHOERDE', an: 'JOBCENTER', kategorien: ['identitaet', 'aufenthalt'] },
          { von: 'JOBCENTER', an: 'FAMILIENKASSE', kategorien: ['leistungen'] },
        ],
      },
      'auslaenderbehoerde',
      ['identitaet', 'aufenthalt', 'arbeitsmarktzugang'],
      '2015-12-01',
    );
    expect(copy.grants).toEqual([
      { recipient: 'jobcenter', category: 'identitaet' },
      { recipient: 'jobcenter', category: 'aufenthalt' },
    ]);
    await insertConsent(db, { ...copy, recordedBy: 'u9', recordedByAgency: 'agentur' });
    await withdrawConsent(db, copy.id, '2015-12-01', 'u9');
    await withdrawConsent(db, copy.id, '2015-12-05', 'u8');
    const [stored] = await findConsentsByPersonIds(db, [PERSON]);
    expect(stored).toMatchObject({
      id: copy.id,
      signedOn: '2015-11-02',
      withdrawnOn: '2015-12-01',
      erfasstDurch: 'agentur',
      zweck: 'Beratung im Integration Point',
      verweigerungsfolgenErklaert: true,
    });
    expect(stored?.grants).toHaveLength(2);
  });

  it.each([
    [{ unterschriebenAm: '2015-12-02' }, /future/],
    [{ gueltigBis: '2015-11-01' }, /gueltigBis/],
    [{ personId: 'p1' }, /personId/],
    [
      { freigaben: [{ von: 'AUSLAENDERBEHOERDE', an: 'JOBCENTER', kategorien: ['kindergeld'] }] },
      /no data category kindergeld/,
    ],
    [{ freigaben: [{ von: 'JOBCENTER', an: 'JOBCENTER', kategorien: ['leistungen'] }] }, /itself/],
    // § 67b Abs. 2 S. 2 SGB X: the purpose and what refusing means must have been explained.
    [{ zweck: '  ' }, /purpose/],
    [{ verweigerungsfolgenErklaert: false }, /refusing/],
  ])('refuses %o', (override, message) => {
    const input = {
      id: '0d4f8a2c-5b6e-4f1a-8c3d-9e7b1a2c3d4f',
      personId: PERSON,
      unterschriebenAm: '2015-11-02',
      zweck: 'Beratung',
      verweigerungsfolgenErklaert: true,
      freigaben: [],
      ...override,
    };
    expect(() => ownersCopy(input, 'auslaenderbehoerde', ['identitaet', 'aufenthalt'], '2015-12-01')).toThrow(message);
  });
});

describe('migrations', () => {
  const before = Object.fromEntries(
    Object.entries(datenschutzMigrations).filter(
      ([name]) => name !== '2016-02-05-900-zugriffsprotokoll-operation-hash',
    ),
  );
  const partner = (name: string): Migrations => ({
    [name]: {
      up: async (db) => void (await sql`create table ${sql.table(name.replaceAll('-', '_'))} (id int)`.execute(db)),
    },
  });

  it('add the operation hash to a database from before, whose newest migration sorts before or after it', async () => {
    // A partner's newest migration (the Ausländerbehörde's 2016-02-05-002) ran; the log holds a 100 KB name.
    const old = await createTestDatabase<DatenschutzTables>('datenschutz-alt', (db) =>
      migrateToLatest(db, { ...before, ...partner('2016-02-05-002-partner') }),
    );
    try {
      // Written as the code of that time wrote it, without the column that does not exist yet.
      await sql`insert into zugriffsprotokoll (anfragende_behoerde, benutzer, rolle, person_id, kategorie, operation, entscheidung)
        values ('jobcenter', 'u1', 'fallmanagement', ${PERSON}, 'identitaet', ${'A'.repeat(100 * 1024)}, 'VERWEIGERT')`.execute(
        old.db,
      );
      await migrateToLatest(old.db, { ...datenschutzMigrations, ...partner('2016-02-05-002-partner') });
      // A partner migration added later under an earlier name still runs.
      await migrateToLatest(old.db, {
        ...datenschutzMigrations,
        ...partner('2016-02-05-002-partner'),
        ...partner('2015-12-01-001-spaeter'),
      });
      const rows = await old.db.selectFrom('zugriffsprotokoll').select(['operation', 'operationHash']).execute();
      expect(rows.map((row) => [row.operation.length, row.operationHash])).toEqual([[100 * 1024, null]]);
      await appendAccessLog(old.db, [entry('aufenthalt')]);
      await sql`select 1 from ${sql.table('2015_12_01_001_spaeter')}`.execute(old.db);
    } finally {
      await old.close();
    }
  });
});
