import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn, demoDeclaration, generatePopulation, personById } from '@ip/kit/demo';
import { createTestDatabase, startSubgraphUnderTest, type SubgraphUnderTest } from '@ip/kit/testing';
import { countFaelle, findNewestFallByPersonIds } from '../src/db/fall.repository.ts';
import { prepareDatabase, startAgentur, type AgenturDatabase } from '../src/server.ts';

const population = generatePopulation();
const persons = personById(population);
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let subject: SubgraphUnderTest<AgenturDatabase>;

beforeAll(async () => {
  subject = await startSubgraphUnderTest({ name: 'agentur', prepareDatabase, start: startAgentur, population, caller: { agency: 'agentur', role: 'integrationsfachkraft' } });
});

afterAll(async () => {
  await subject?.close();
});

const ask: SubgraphUnderTest<AgenturDatabase>['ask'] = (...args) => subject.ask(...args);

const allCases = () => subject.db.selectFrom('fall').selectAll().execute();

describe('migrations and the demo slice', () => {
  it('migrate an empty database, and again without change', async () => {
    const fresh = await createTestDatabase<AgenturDatabase>('agentur-empty', (db) => prepareDatabase(db));
    try {
      await prepareDatabase(fresh.db);
      expect(await countFaelle(fresh.db)).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('hold cases of adults only: active for the asylum procedure or a Duldung, handed over after recognition', async () => {
    const cases = await allCases();
    expect(cases.length).toBeGreaterThan(100);
    for (const fall of cases) {
      const person = persons.get(fall.personId)!;
      expect(ageOn(person.geburtsdatum, population.referenceDate)).toBeGreaterThanOrEqual(18);
      expect(fall.kundennummer).toMatch(/^\d{3}[A-Z]\d{6}$/);
      expect(fall.eroeffnetAm >= '2015-09-01' && fall.eroeffnetAm <= population.referenceDate).toBe(true);
      const art = person.statusverlauf.at(-1)!.art;
      expect(fall.status).toBe(art === 'AUFENTHALTSGESTATTUNG' || art === 'DULDUNG' ? 'AKTIV' : 'UEBERGEBEN');
      if (fall.status === 'UEBERGEBEN') expect(fall.eroeffnetAm < person.anerkanntAm!).toBe(true);
    }
    expect(new Set(cases.map((fall) => fall.status))).toEqual(new Set(['AKTIV', 'UEBERGEBEN']));
  });

  it('find the newest case per person, ignoring unknown ids', async () => {
    const [fall] = await allCases();
    const rows = await findNewestFallByPersonIds(subject.db, [fall!.personId, UNKNOWN_ID]);
    expect(rows.map((row) => row.id)).toEqual([fall!.id]);
  });
});

describe('GraphQL', () => {
  const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Person { id integrationPointFall { kundennummer eroeffnetAm status statusSeit integrationsfachkraft { name integrationPoint } verlauf { am art notiz } } } } }`;

  it('resolves persons in key order, null for persons without a case', async () => {
    const [fall] = await allCases();
    const { body } = await ask<{ _entities: { integrationPointFall: { kundennummer: string; verlauf: { art: string }[] } | null }[] }>(ENTITIES, {
      representations: [fall!.personId, UNKNOWN_ID, 'not-a-uuid'].map((id) => ({ __typename: 'Person', id })),
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities.map((entity) => entity.integrationPointFall?.kundennummer ?? null)).toEqual([fall!.kundennummer, null, null]);
    expect(body.data?._entities[0]?.integrationPointFall?.verlauf[0]?.art).toBe('EROEFFNET');
  });

  it('loads cases, specialists and histories of many persons with one statement each', async () => {
    subject.statements.length = 0;
    const { body } = await ask(ENTITIES, { representations: population.persons.map((person) => ({ __typename: 'Person', id: person.id })) });
    expect(body.errors).toBeUndefined();
    expect(subject.statements).toHaveLength(3);
  });

  it('refuses the case to the Ausländerbehörde without consent and releases it with consent', async () => {
    const holders = (await allCases()).map((fall) => persons.get(fall.personId)!);
    const withConsent = holders.find((person) => demoDeclaration(person, population.referenceDate)?.state === 'VOLLSTAENDIG')!;
    const partial = holders.find((person) => demoDeclaration(person, population.referenceDate)?.state === 'TEILWEISE')!;
    const { body } = await ask<{ _entities: { integrationPointFall: unknown }[] }>(
      ENTITIES,
      { representations: [withConsent, partial].map((person) => ({ __typename: 'Person', id: person.id })) },
      'auslaenderbehoerde',
      'sachbearbeitung',
    );
    expect(body.data?._entities[0]?.integrationPointFall).not.toBeNull();
    expect(body.data?._entities[1]?.integrationPointFall).toBeNull();
    expect(body.errors?.map((error) => error.extensions?.['code'])).toEqual(['EINWILLIGUNG_FEHLT']);
  });
});
