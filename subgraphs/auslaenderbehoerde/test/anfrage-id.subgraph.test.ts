import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '@ip/kit';
import { generatePopulation } from '@ip/kit/demo';
import { anfrageIdempotenzMigrations, idempotenzDb } from '@ip/kit/idempotency';
import { createTestDatabase, startSubgraphUnderTest, type SubgraphUnderTest, type TestDatabase } from '@ip/kit/testing';
import { migrations } from '../src/db/migrations.ts';
import { prepareDatabase, startAuslaenderbehoerde, type AuslaenderbehoerdeDatabase } from '../src/server.ts';

const population = generatePopulation();
const [p1, p2, p3, p4] = population.persons.map((person) => person.id);

let abh: SubgraphUnderTest<AuslaenderbehoerdeDatabase>;
beforeAll(async () => {
  abh = await startSubgraphUnderTest({
    name: 'auslaenderbehoerde',
    prepareDatabase,
    start: startAuslaenderbehoerde,
    population,
    caller: { agency: 'agentur', role: 'integrationsfachkraft' },
  });
});
afterAll(async () => abh?.close());

const ANFRAGEN = `mutation($p: ID!, $f: String!, $a: ID) { statusklaerungAnfragen(personId: $p, anliegen: AUFENTHALTSSTATUS, frage: $f, anfrageId: $a) { id status gestelltDurch gestelltAm } }`;
const klaerungen = async (personId: string, frage: string) =>
  (
    await abh.db
      .selectFrom('statusklaerung')
      .select('id')
      .where('personId', '=', personId)
      .where('frage', '=', frage)
      .execute()
  ).length;

describe('statusklaerungAnfragen with an anfrageId', () => {
  it('opens one request for 20 parallel sends of one request, with 20 equal answers', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        abh.ask(ANFRAGEN, { p: p1, f: 'Gilt die Duldung noch?', a: 'klaerung-parallel-1' }),
      ),
    );
    expect(answers.map((answer) => answer.body.errors)).toEqual(Array(20).fill(undefined));
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body.data))).size).toBe(1);
    expect(await klaerungen(p1!, 'Gilt die Duldung noch?')).toBe(1);
  });

  it('opens a request per send without an anfrageId, as before', async () => {
    await Promise.all([abh.ask(ANFRAGEN, { p: p2, f: 'Zweimal' }), abh.ask(ANFRAGEN, { p: p2, f: 'Zweimal' })]);
    expect(await klaerungen(p2!, 'Zweimal')).toBe(2);
  });

  it('refuses the same id with other input and writes nothing', async () => {
    await abh.ask(ANFRAGEN, { p: p3, f: 'Erste Frage', a: 'klaerung-wieder-1' });
    const other = await abh.ask(ANFRAGEN, { p: p3, f: 'Andere Frage', a: 'klaerung-wieder-1' });
    expect(other.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'anfrageId',
      grund: 'ANFRAGE_ID_WIEDERVERWENDET',
    });
    expect(await klaerungen(p3!, 'Andere Frage')).toBe(0);
  });

  it('keeps the ids of two agencies apart', async () => {
    const [agentur, jobcenter] = await Promise.all([
      abh.ask(ANFRAGEN, { p: p4, f: 'Beide fragen', a: 'klaerung-gleich-1' }, 'agentur', 'integrationsfachkraft'),
      abh.ask(ANFRAGEN, { p: p4, f: 'Beide fragen', a: 'klaerung-gleich-1' }, 'jobcenter', 'fallmanagement'),
    ]);
    expect([agentur.body.errors, jobcenter.body.errors]).toEqual([undefined, undefined]);
    expect(await klaerungen(p4!, 'Beide fragen')).toBe(2);
  });

  it('keeps nothing of a refused first attempt: the corrected retry under the same id opens the request', async () => {
    const refused = await abh.ask(ANFRAGEN, {
      p: '00000000-0000-4000-8000-000000000000',
      f: 'Wer?',
      a: 'klaerung-fehler-1',
    });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await idempotenzDb(abh.db)
        .selectFrom('anfrageIdempotenz')
        .select('anfrageId')
        .where('anfrageId', '=', 'klaerung-fehler-1')
        .execute(),
    ).toEqual([]);
    const retried = await abh.ask(ANFRAGEN, { p: p4, f: 'Wer?', a: 'klaerung-fehler-1' });
    expect(retried.body.errors).toBeUndefined();
  });
});

describe('the request-id migration', () => {
  // Built in a hook: a fresh database with the demo data takes long on a loaded machine.
  let existing: TestDatabase<AuslaenderbehoerdeDatabase>;
  beforeAll(async () => {
    const earlier = Object.fromEntries(
      Object.entries(migrations).filter(([name]) => !(name in anfrageIdempotenzMigrations)),
    );
    existing = await createTestDatabase<AuslaenderbehoerdeDatabase>('auslaenderbehoerde-vor-anfrage-id', (db) =>
      migrateToLatest(db, earlier),
    );
  });
  afterAll(async () => existing?.close());

  // The Ausländerbehörde holds the latest partner migration names (2016-02-05-…), so the order is decided here.
  it('migrates a database that already ran every earlier migration', async () => {
    expect(await existing.db.selectFrom('person').select('id').execute()).toEqual([]);
    await migrateToLatest(existing.db, migrations);
    expect(await idempotenzDb(existing.db).selectFrom('anfrageIdempotenz').selectAll().execute()).toEqual([]);
  });
});
