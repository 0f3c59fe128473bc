import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessScope, datenschutzMigrations, type DatenschutzTables } from '../src/consent/index.ts';
import { migrateToLatest } from '../src/migrations.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';

const PERSON = '6f1c2a4e-1d7b-4c3e-9a51-2b8d7e0f4a11';
const CALLER = { userId: 'u1', agency: 'jobcenter', role: 'fallmanagement' } as const;
const OPERATION = { name: 'Probe', hash: 'a'.repeat(64) };
const NOW = new Date('2015-12-01T10:00:00Z');

let database: TestDatabase<DatenschutzTables>;
const statements: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase<DatenschutzTables>(
    'rechtsgrundlage-stand',
    (db) => migrateToLatest(db, datenschutzMigrations),
    { onQuery: (statement) => statements.push(statement) },
  );
});
afterAll(async () => database?.close());

/** One request's decision on the Familienkasse's `kindergeld` for the Jobcenter, and whether it read the legal bases. */
async function request(): Promise<{ basis: string; readLegalBases: boolean }> {
  statements.length = 0;
  const { access } = accessScope('familienkasse', database.db, CALLER, NOW);
  const decision = await access.decide(PERSON, 'kindergeld', OPERATION);
  return {
    basis: decision.basis === 'GESETZ' ? decision.paragraph : decision.basis,
    readLegalBases: statements.some((statement) => statement.includes('"rechtsgrundlage" as "r"')),
  };
}

describe('the legal bases a subgraph keeps between requests', () => {
  it('are read once, then again after every change to them and only then', async () => {
    const { db } = database;
    expect(await request()).toEqual({ basis: 'KEINE', readLegalBases: true });
    expect(await request()).toEqual({ basis: 'KEINE', readLegalBases: false });

    await sql`insert into rechtsgrundlage (empfaenger, kategorie, paragraph, beschreibung, gueltig_ab)
      values ('jobcenter', 'kindergeld', '§ 1 Probe', 'Probe', '2015-01-01')`.execute(db);
    expect(await request()).toEqual({ basis: '§ 1 Probe', readLegalBases: true });
    expect(await request()).toEqual({ basis: '§ 1 Probe', readLegalBases: false });

    await sql`update rechtsgrundlage set gueltig_bis = '2015-11-30'`.execute(db);
    expect(await request()).toEqual({ basis: 'KEINE', readLegalBases: true });

    await sql`update rechtsgrundlage set gueltig_bis = null`.execute(db);
    expect(await request()).toEqual({ basis: '§ 1 Probe', readLegalBases: true });

    await sql`delete from rechtsgrundlage`.execute(db);
    expect(await request()).toEqual({ basis: 'KEINE', readLegalBases: true });

    await sql`insert into rechtsgrundlage (empfaenger, kategorie, paragraph, beschreibung, gueltig_ab)
      values ('jobcenter', 'kindergeld', '§ 2 Probe', 'Probe', '2015-01-01')`.execute(db);
    expect(await request()).toEqual({ basis: '§ 2 Probe', readLegalBases: true });
    await sql`truncate rechtsgrundlage`.execute(db);
    expect(await request()).toEqual({ basis: 'KEINE', readLegalBases: true });
  });

  it('are not read again for a change that was rolled back', async () => {
    await request();
    await database.db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into rechtsgrundlage (empfaenger, kategorie, paragraph, beschreibung, gueltig_ab)
          values ('jobcenter', 'kindergeld', '§ 3 Probe', 'Probe', '2015-01-01')`.execute(trx);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await request()).toEqual({ basis: 'KEINE', readLegalBases: false });
  });

  it('are read with the consents in one statement when the law is unchanged', async () => {
    await request();
    const { readLegalBases } = await request();
    expect(readLegalBases).toBe(false);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/from rechtsgrundlage_stand s\s+left join einwilligung e/);
  });
});
