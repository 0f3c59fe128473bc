import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../src/identity/index.ts';
import {
  anfrage,
  anfrageIdempotenzMigrations,
  byId,
  idempotenzDb,
  idempotent,
  inputHash,
  inTransaction,
  purgeAnfrageIds,
  type IdempotenzTables,
} from '../src/idempotency/index.ts';
import { migrateToLatest, type Migrations } from '../src/migrations.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';

interface ProbeDb extends IdempotenzTables {
  probe: { id: string; wert: string };
}

const migrations: Migrations = {
  ...anfrageIdempotenzMigrations,
  '2016-02-06-001-probe': {
    async up(db) {
      await db.schema
        .createTable('probe')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('wert', 'text', (col) => col.notNull())
        .execute();
    },
  },
};

let database: TestDatabase<ProbeDb>;
let db: Kysely<ProbeDb>;
beforeAll(async () => {
  database = await createTestDatabase<ProbeDb>('kit-idempotency', (fresh) => migrateToLatest(fresh, migrations));
  db = database.db;
});
afterAll(async () => database?.close());

const JOBCENTER: Caller = { agency: 'jobcenter', role: 'fallmanagement', userId: 'u1' };
const AGENTUR: Caller = { agency: 'agentur', role: 'eingangszone', userId: 'u2' };

/** A creating mutation: one probe row per run, slow enough that parallel duplicates overlap on a server. */
function erstellen(anfrageId: string | null, wert: string, caller = JOBCENTER, fehler?: Error) {
  return idempotent(db, anfrage('probeErstellen', { anfrageId, wert }, caller), {
    run: async (trx) => {
      const row = await trx
        .insertInto('probe')
        .values({ id: randomUUID(), wert })
        .returningAll()
        .executeTakeFirstOrThrow();
      await sql`select pg_sleep(0.02)`.execute(trx);
      if (fehler) throw fehler;
      return row;
    },
    reference: byId,
    reload: (trx, id) => trx.selectFrom('probe').selectAll().where('id', '=', id).executeTakeFirst(),
  });
}
const rows = async (wert: string) =>
  (await db.selectFrom('probe').selectAll().where('wert', '=', wert).execute()).length;
const keys = async (anfrageId: string) =>
  (await idempotenzDb(db).selectFrom('anfrageIdempotenz').selectAll().where('anfrageId', '=', anfrageId).execute())
    .length;
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { extensions?: Record<string, unknown> }) => error.extensions,
  );

describe('idempotent', () => {
  it('runs the work once for 20 parallel calls with one request id, and answers all of them alike', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => erstellen('parallel-0001', 'parallel')));
    expect(await rows('parallel')).toBe(1);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(await keys('parallel-0001')).toBe(1);
  });

  it('refuses the same id with other input, another mutation or another user, and writes nothing', async () => {
    await erstellen('wieder-0001', 'erst');
    expect(await errorOf(erstellen('wieder-0001', 'anders'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'anfrageId',
      grund: 'ANFRAGE_ID_WIEDERVERWENDET',
    });
    expect(await errorOf(erstellen('wieder-0001', 'erst', { ...JOBCENTER, userId: 'u9' }))).toMatchObject({
      grund: 'ANFRAGE_ID_WIEDERVERWENDET',
    });
    const other = idempotent(db, anfrage('andereMutation', { anfrageId: 'wieder-0001', wert: 'erst' }, JOBCENTER), {
      run: async () => ({ id: 'x' }),
      reference: byId,
      reload: async () => ({ id: 'x' }),
    });
    expect(await errorOf(other)).toMatchObject({ grund: 'ANFRAGE_ID_WIEDERVERWENDET' });
    expect(await rows('anders')).toBe(0);
    expect(await rows('erst')).toBe(1);
  });

  it('keeps the ids of two agencies apart', async () => {
    const [jobcenter, agentur] = await Promise.all([
      erstellen('gleich-0001', 'behoerde'),
      erstellen('gleich-0001', 'behoerde', AGENTUR),
    ]);
    expect(jobcenter.id).not.toBe(agentur.id);
    expect(await rows('behoerde')).toBe(2);
  });

  it('leaves nothing of a failed attempt, so a retry runs', async () => {
    expect(await errorOf(erstellen('fehler-0001', 'fehler', JOBCENTER, new Error('boom')))).toBeUndefined();
    expect(await rows('fehler')).toBe(0);
    expect(await keys('fehler-0001')).toBe(0);
    await erstellen('fehler-0001', 'fehler');
    expect(await rows('fehler')).toBe(1);
  });

  it('runs every call without a request id, and refuses a malformed one', async () => {
    await erstellen(null, 'ohne');
    await erstellen(null, 'ohne');
    expect(await rows('ohne')).toBe(2);
    for (const id of ['kurz', 'x'.repeat(65), 'mit leerzeichen', 'ümlaut-0001']) {
      expect(await errorOf(erstellen(id, 'falsch'))).toEqual({ code: 'BAD_USER_INPUT', field: 'anfrageId' });
    }
    expect(await rows('falsch')).toBe(0);
  });

  it('forgets keys past retention only', async () => {
    await erstellen('alt-00000001', 'alt');
    await idempotenzDb(db)
      .updateTable('anfrageIdempotenz')
      .set({ erstelltAm: new Date('2015-01-01') } as never)
      .where('anfrageId', '=', 'alt-00000001')
      .execute();
    await erstellen('neu-00000001', 'neu');
    expect(await purgeAnfrageIds(db, new Date(Date.now() - 7 * 24 * 3600 * 1000))).toBe(1);
    expect([await keys('alt-00000001'), await keys('neu-00000001')]).toEqual([0, 1]);
  });
});

describe('inputHash', () => {
  it('ignores key order and tells null from a field left out', () => {
    expect(inputHash('m', { a: 1, b: { c: [1, 2], d: 'x' } })).toBe(inputHash('m', { b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(inputHash('m', { a: 1, b: null })).not.toBe(inputHash('m', { a: 1 }));
    expect(inputHash('m', { a: [1, 2] })).not.toBe(inputHash('m', { a: [2, 1] }));
    expect(inputHash('m', { a: 1 })).not.toBe(inputHash('n', { a: 1 }));
  });
});

describe('inTransaction', () => {
  it('inside a transaction rolls back its own part only, and the transaction goes on', async () => {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('probe').values({ id: randomUUID(), wert: 'aussen' }).execute();
      const failed = inTransaction<ProbeDb, void>(trx, async (inner) => {
        await inner.insertInto('probe').values({ id: randomUUID(), wert: 'innen' }).execute();
        await inner.insertInto('probe').values({ id: 'doppelt', wert: 'innen' }).execute();
        await inner.insertInto('probe').values({ id: 'doppelt', wert: 'innen' }).execute();
      });
      await expect(failed).rejects.toThrow();
      await inTransaction<ProbeDb, unknown>(trx, (inner) =>
        inner.insertInto('probe').values({ id: randomUUID(), wert: 'aussen' }).execute(),
      );
    });
    expect([await rows('aussen'), await rows('innen')]).toEqual([2, 0]);
  });
});
