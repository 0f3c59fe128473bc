import { createHash } from 'node:crypto';
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
  subject = await startSubgraphUnderTest({
    name: 'auslaenderbehoerde',
    prepareDatabase,
    start: startAuslaenderbehoerde,
    population,
    caller: { agency: 'auslaenderbehoerde', role: 'sachbearbeitung' },
  });
});

afterAll(async () => {
  await subject?.close();
});

const ask: SubgraphUnderTest<AuslaenderbehoerdeDatabase>['ask'] = (...args) => subject.ask(...args);

const first = population.persons[0] as DemoPerson;
const withHistory = population.persons.find((person) => person.statusverlauf.length > 1) as DemoPerson;

describe('migrations', () => {
  it('migrate an empty database up to the latest schema, and again without change', async () => {
    const fresh = await createTestDatabase<AuslaenderbehoerdeDatabase>('auslaenderbehoerde-empty', (db) =>
      prepareDatabase(db),
    );
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
    const withConsent = population.persons.find(
      (person) => demoDeclaration(person, population.referenceDate)?.state === 'VOLLSTAENDIG',
    )!;
    const without = population.persons.find((person) => demoDeclaration(person, population.referenceDate) === null)!;
    const logged = async () =>
      subject.db
        .selectFrom('zugriffsprotokoll')
        .selectAll()
        .where('personId', 'in', [withConsent.id, without.id])
        .execute();
    const before = (await logged()).length;

    const { body } = await ask<{
      a: { identitaet: { nachname: string } | null };
      b: { identitaet: { nachname: string; vorname: string } | null };
    }>(
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
      extensions: {
        code: 'EINWILLIGUNG_FEHLT',
        eigentuemer: 'auslaenderbehoerde',
        kategorie: 'identitaet',
        empfaenger: 'familienkasse',
      },
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

describe('bad input, asked directly', () => {
  const ERFASSEN =
    'mutation($p: ID!, $s: AufenthaltsstatusInput!) { aufenthaltsstatusErfassen(personId: $p, status: $s) { verlauf { art } } }';
  const status = (overrides: Record<string, unknown>) => ({
    art: 'DULDUNG',
    rechtsgrundlage: '§ 60a AufenthG',
    gueltigAb: '2015-11-20',
    ...overrides,
  });
  const ANFRAGEN =
    'mutation($p: ID!, $f: String!) { statusklaerungAnfragen(personId: $p, anliegen: AUFENTHALTSSTATUS, frage: $f) { id } }';

  /** Asks, and checks that the answer is BAD_USER_INPUT naming `field` and that nothing was written. */
  async function refusedWithoutWrites(field: string, ...args: Parameters<typeof ask>) {
    const rows = async () =>
      Promise.all(
        ['aufenthaltsstatus', 'statusklaerung', 'zugriffsprotokoll'].map((table) =>
          subject.db
            .selectFrom(table as 'statusklaerung')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow(),
        ),
      );
    const before = await rows();
    subject.statements.length = 0;
    const { status: code, body } = await ask(...args);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(subject.statements.filter((statement) => /^\s*(insert|update|delete)/i.test(statement))).toEqual([]);
    expect(await rows()).toEqual(before);
    return { status: code, body };
  }

  it.each([
    ['an invalid day', { gueltigAb: '2015-02-30' }, 'status.gueltigAb'],
    ['a day in 1800', { gueltigAb: '1800-01-01' }, 'status.gueltigAb'],
    ['a NUL in nested text', { rechtsgrundlage: '§ 60a\u0000' }, 'status.rechtsgrundlage'],
    [
      'a NUL in a nested list',
      { nebenbestimmungen: ['Wohnsitzauflage', 'Erwerbs\u0000tätigkeit'] },
      'status.nebenbestimmungen[1]',
    ],
    ['1 MB of text', { rechtsgrundlage: 'x'.repeat(1 << 20) }, 'status.rechtsgrundlage'],
  ])('refuse %s in a status period with HTTP 400, writing nothing', async (_, overrides, field) => {
    const { status: code } = await refusedWithoutWrites(field, ERFASSEN, { p: first.id, s: status(overrides) });
    expect(code).toBe(400);
  });

  it('refuse a day in 1800 written as a literal, naming the argument', async () => {
    await refusedWithoutWrites(
      'status.gueltigAb',
      `mutation { aufenthaltsstatusErfassen(personId: "${first.id}", status: { art: DULDUNG, rechtsgrundlage: "x", gueltigAb: "1800-01-01" }) { verlauf { art } } }`,
    );
  });

  it('refuse a question with a NUL byte or of 1 MB', async () => {
    await refusedWithoutWrites(
      'frage',
      ANFRAGEN,
      { p: first.id, f: 'Gilt die\u0000 Duldung?' },
      'agentur',
      'integrationsfachkraft',
    );
    await refusedWithoutWrites(
      'frage',
      ANFRAGEN,
      { p: first.id, f: 'x'.repeat(1 << 20) },
      'agentur',
      'integrationsfachkraft',
    );
  });

  it.each([
    ['an id that is a list', [{ __typename: 'Person', id: [first.id, UNKNOWN_ID] }], 'representations[0].id'],
    ['an id that is an object', [{ __typename: 'Person', id: { $ne: null } }], 'representations[0].id'],
    [
      'an unknown type',
      [
        { __typename: 'Person', id: first.id },
        { __typename: 'Akte', id: first.id },
      ],
      'representations[1].__typename',
    ],
    ['a missing id', [{ __typename: 'Person' }], 'representations[0].id'],
    ['a representation that is no object', [first.id], 'representations[0]'],
  ])('refuse _entities with %s, logging nothing', async (_, representations, field) => {
    const { body } = await refusedWithoutWrites(
      field,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { identitaet { nachname } } } }',
      { r: representations },
      'familienkasse',
      'sachbearbeitung',
    );
    expect(body.data).toBeNull();
  });
});

describe('the access log records what it can vouch for', () => {
  const withConsent = () =>
    population.persons.find((person) => demoDeclaration(person, population.referenceDate)?.state === 'VOLLSTAENDIG')!;
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const lastEntry = async (personId: string) =>
    subject.db
      .selectFrom('zugriffsprotokoll')
      .selectAll()
      .where('personId', '=', personId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();

  it('stores a plain operation name as it is, with the hash of the document', async () => {
    const query = 'query Familienkasse_Pruefung_2($id: ID!) { person(id: $id) { identitaet { nachname } } }';
    await ask(query, { id: withConsent().id }, 'familienkasse', 'sachbearbeitung');
    expect(await lastEntry(withConsent().id)).toMatchObject({
      operation: 'Familienkasse_Pruefung_2',
      operationHash: sha256(query),
      entscheidung: 'FREIGEGEBEN',
    });
  });

  it('stores a name of 100 KB, or of 101 characters, as the placeholder, with the hash; one of 100 as it is', async () => {
    const query = `query ${'A'.repeat(100)}($id: ID!) { person(id: $id) { identitaet { nachname } } }`;
    await ask(query, { id: withConsent().id }, 'familienkasse', 'sachbearbeitung');
    expect(await lastEntry(withConsent().id)).toMatchObject({
      operation: 'A'.repeat(100),
      operationHash: sha256(query),
    });
    for (const name of ['A'.repeat(100 * 1024), 'A'.repeat(101)]) {
      const query = `query ${name}($id: ID!) { person(id: $id) { identitaet { nachname } } }`;
      const { body } = await ask(query, { id: withConsent().id }, 'familienkasse', 'sachbearbeitung');
      expect(body.errors).toBeUndefined();
      expect(await lastEntry(withConsent().id)).toMatchObject({
        operation: '(nicht vertrauenswuerdig)',
        operationHash: sha256(query),
      });
    }
  });

  it('takes the legal basis from the decision, never from the operation name', async () => {
    const without = population.persons.find((person) => demoDeclaration(person, population.referenceDate) === null)!;
    const query =
      'query Gerichtsbeschluss_AG_Duesseldorf_12_XIV_345_15($id: ID!) { person(id: $id) { identitaet { nachname } } }';
    const { body } = await ask(query, { id: without.id }, 'familienkasse', 'sachbearbeitung');
    expect(body.errors?.[0]?.extensions?.['code']).toBe('EINWILLIGUNG_FEHLT');
    expect(await lastEntry(without.id)).toMatchObject({
      operation: 'Gerichtsbeschluss_AG_Duesseldorf_12_XIV_345_15',
      rechtsgrundlage: null,
      entscheidung: 'VERWEIGERT',
    });
    // The Agentur reads identity under § 18b AZR-Gesetz: that paragraph is the basis, whatever the name says.
    await ask(query, { id: without.id }, 'agentur', 'integrationsfachkraft');
    expect((await lastEntry(without.id)).rechtsgrundlage).toMatch(/18b/);
  });

  it('shows the hash in the datenschutz view', async () => {
    const query = 'query Hashsicht($id: ID!) { person(id: $id) { identitaet { nachname } } }';
    await ask(query, { id: withConsent().id }, 'familienkasse', 'sachbearbeitung');
    const { body } = await ask<{
      person: {
        datenschutz: {
          auslaenderbehoerde: { zugriffe: { edges: { node: { operation: string; operationHash: string } }[] } };
        };
      };
    }>(
      'query($id: ID!) { person(id: $id) { datenschutz { auslaenderbehoerde { zugriffe(first: 1) { edges { node { operation operationHash } } } } } } }',
      { id: withConsent().id },
    );
    expect(body.data?.person.datenschutz.auslaenderbehoerde.zugriffe.edges[0]?.node).toEqual({
      operation: 'Hashsicht',
      operationHash: sha256(query),
    });
  });
});
