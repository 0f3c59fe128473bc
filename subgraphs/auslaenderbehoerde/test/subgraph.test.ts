import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postGraphQL, startSubgraphUnderTest, type SubgraphUnderTest } from '@ip/kit/testing';
import { demoDeclaration, generatePopulation, type DemoPerson } from '@ip/kit/demo';
import { countPersons, findPersonsByIds, listPersons } from '../src/db/person.repository.ts';
import { findStatusverlaufByPersonIds } from '../src/db/aufenthaltsstatus.repository.ts';
import { prepareDatabase, startAuslaenderbehoerde, type AuslaenderbehoerdeDatabase } from '../src/server.ts';

const population = generatePopulation({ households: 40 });
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let subject: SubgraphUnderTest<AuslaenderbehoerdeDatabase>;

beforeAll(async () => {
  subject = await startSubgraphUnderTest({ name: 'auslaenderbehoerde', prepareDatabase, start: startAuslaenderbehoerde, population, caller: { agency: 'auslaenderbehoerde', role: 'sachbearbeitung' } });
});

afterAll(async () => {
  await subject?.close();
});

const ask: SubgraphUnderTest<AuslaenderbehoerdeDatabase>['ask'] = (...args) => subject.ask(...args);

const first = population.persons[0] as DemoPerson;
const withHistory = population.persons.find((person) => person.statusverlauf.length > 1) as DemoPerson;

describe('migrations', () => {
  it('migrate an empty database up to the latest schema, and again without change', async () => {
    const fresh = await createTestDatabase<AuslaenderbehoerdeDatabase>('auslaenderbehoerde-empty', (db) => prepareDatabase(db));
    try {
      await prepareDatabase(fresh.db);
      expect(await countPersons(fresh.db)).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});

describe('repositories', () => {
  it('hold every person of the population', async () => {
    expect(await countPersons(subject.db)).toBe(population.persons.length);
  });

  it('find persons by id, ignoring unknown ids', async () => {
    const rows = await findPersonsByIds(subject.db, [first.id, UNKNOWN_ID]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.id, azrNummer: first.azrNummer, geburtsdatum: first.geburtsdatum });
  });

  it('page through persons in id order', async () => {
    const page = await listPersons(subject.db, { limit: 3, afterKey: null });
    expect(page).toHaveLength(4);
    const next = await listPersons(subject.db, { limit: 3, afterKey: page[2]!.id });
    expect(next[0]!.id).toBe(page[3]!.id);
    expect([...page.map((row) => row.id)].sort()).toEqual(page.map((row) => row.id));
  });

  it('return the status history oldest first', async () => {
    const verlauf = await findStatusverlaufByPersonIds(subject.db, [withHistory.id]);
    expect(verlauf.map((period) => period.art)).toEqual(withHistory.statusverlauf.map((period) => period.art));
    expect(verlauf.at(-1)?.gueltigBis).toBeNull();
  });
});

describe('GraphQL', () => {
  it('resolves _entities in key order, with null for an unknown person', async () => {
    const { body } = await ask<{ _entities: ({ id: string; identitaet: { nachname: string } } | null)[] }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { id identitaet { nachname } } } }`,
      {
        representations: [
          { __typename: 'Person', id: withHistory.id },
          { __typename: 'Person', id: UNKNOWN_ID },
          { __typename: 'Person', id: 'not-a-uuid' },
          { __typename: 'Person', id: first.id },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([
      { id: withHistory.id, identitaet: { nachname: withHistory.nachname } },
      null,
      null,
      { id: first.id, identitaet: { nachname: first.nachname } },
    ]);
  });

  it('loads the status of a whole page with one statement per table', async () => {
    subject.statements.length = 0;
    const { body } = await ask(
      `{ personen(first: 25) { totalCount edges { node { id identitaet { nachname } aufenthalt { status { art rechtsgrundlage gueltigAb nebenbestimmungen } } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(subject.statements).toHaveLength(3);
  });

  it('answers the current status of a person with history', async () => {
    const current = withHistory.statusverlauf.at(-1)!;
    const { body } = await ask<{ person: { aufenthalt: { status: unknown; verlauf: unknown[] } } }>(
      `query($id: ID!) { person(id: $id) { aufenthalt { status { art rechtsgrundlage gueltigAb gueltigBis } verlauf { art } } } }`,
      { id: withHistory.id },
    );
    expect(body.data?.person.aufenthalt.status).toEqual({
      art: current.art,
      rechtsgrundlage: current.rechtsgrundlage,
      gueltigAb: current.gueltigAb,
      gueltigBis: null,
    });
    expect(body.data?.person.aufenthalt.verlauf).toHaveLength(withHistory.statusverlauf.length);
  });

  it('refuses a forged cursor and a page too large with BAD_USER_INPUT', async () => {
    for (const query of ['{ personen(after: "bm9wZQ") { totalCount } }', '{ personen(first: 101) { totalCount } }']) {
      const { body } = await ask(query);
      expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    }
  });
});

describe('identity and consent, called directly', () => {
  it('refuses a request without a token with 401 UNAUTHENTICATED', async () => {
    const { status, body } = await postGraphQL(subject.url, '{ personen(first: 1) { totalCount } }');
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('releases identity to the Familienkasse only under consent, and logs each decision once', async () => {
    const withConsent = population.persons.find((person) => demoDeclaration(person, population.referenceDate)?.state === 'VOLLSTAENDIG')!;
    const without = population.persons.find((person) => demoDeclaration(person, population.referenceDate) === null)!;
    const logged = async () => subject.db.selectFrom('zugriffsprotokoll').selectAll().where('personId', 'in', [withConsent.id, without.id]).execute();
    const before = (await logged()).length;

    const { body } = await ask<{ a: { identitaet: { nachname: string } | null }; b: { identitaet: { nachname: string; vorname: string } | null } }>(
      `query Pruefung($a: ID!, $b: ID!) { a: person(id: $a) { identitaet { nachname } } b: person(id: $b) { identitaet { nachname vorname } } }`,
      { a: withConsent.id, b: without.id },
      'familienkasse',
      'sachbearbeitung',
    );
    expect(body.data?.a.identitaet?.nachname).toBe(withConsent.nachname);
    expect(body.data?.b.identitaet).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      path: ['b', 'identitaet'],
      extensions: { code: 'EINWILLIGUNG_FEHLT', eigentuemer: 'auslaenderbehoerde', kategorie: 'identitaet', empfaenger: 'familienkasse' },
    });
    const entries = (await logged()).slice(before);
    expect(entries.map((entry) => [entry.personId, entry.entscheidung, entry.operation]).sort()).toEqual(
      [
        [withConsent.id, 'FREIGEGEBEN', 'Pruefung'],
        [without.id, 'VERWEIGERT', 'Pruefung'],
      ].sort(),
    );
  });
});
