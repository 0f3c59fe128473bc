import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DateScalar } from '../src/scalars.ts';
import { buildSchema, startSubgraphServer, type RunningServer } from '../src/subgraph-server.ts';
import { postGraphQL } from '../src/testing/graphql-client.ts';

const TYPE_DEFS = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
scalar Date
type Query {
  echo(text: String, id: ID, tag: Date, zahl: Int, eingabe: EchoInput, tage: [Date!]): String
}
type Mutation {
  speichern(eingabe: EchoInput!): String
}
input EchoInput { name: String!, kinder: [KindInput!] }
input KindInput { geburtsdatum: Date!, vorname: String }
type Person @key(fields: "id") { id: ID!, name: String }
type Fall @key(fields: "nummer { kreis lfd }") { nummer: Fallnummer!, name: String }
type Fallnummer { kreis: String!, lfd: Int! }
`;

const calls: unknown[] = [];
const resolvers = {
  Date: DateScalar,
  Query: { echo: (_: unknown, args: unknown) => (calls.push(args), 'ok') },
  Mutation: { speichern: (_: unknown, args: unknown) => (calls.push(args), 'gespeichert') },
  Person: { __resolveReference: (reference: { id: string }) => ({ id: reference.id, name: 'gefunden' }) },
  Fall: { __resolveReference: (reference: object) => ({ ...reference, name: 'gefunden' }) },
};

let server: RunningServer;
let small: RunningServer;

beforeAll(async () => {
  server = await startSubgraphServer({
    name: 'probe',
    schema: buildSchema([{ typeDefs: TYPE_DEFS, resolvers }]),
    context: async () => ({}),
    port: 0,
  });
  const limits = { maxStringLength: 5, maxIdLength: 3 };
  small = await startSubgraphServer({
    name: 'probe',
    schema: buildSchema([{ typeDefs: TYPE_DEFS, resolvers }], limits),
    context: async () => ({}),
    port: 0,
    inputLimits: limits,
  });
});

afterAll(async () => {
  await server?.stop();
  await small?.stop();
});

beforeEach(() => {
  calls.length = 0;
});

async function refused(query: string, variables: Record<string, unknown> = {}, url = server.url) {
  const { status, body } = await postGraphQL(url, query, variables);
  expect(calls).toEqual([]);
  expect(body.errors?.length).toBeGreaterThan(0);
  const [error] = body.errors!;
  expect(error!.extensions?.['code']).toBe('BAD_USER_INPUT');
  return { status, error: error!, data: body.data };
}

const MEGABYTE = 'x'.repeat(1 << 20);

describe('dates', () => {
  it.each([
    ['2015-02-30', /calendar day/],
    ['1800-06-01', /between 1900-01-01 and 2100-12-31/],
    ['2101-01-01', /between 1900-01-01 and 2100-12-31/],
    ['20150101', /calendar day/],
  ])('refuse %s as a literal and as a variable, naming the argument', async (day, message) => {
    const literal = await refused(`{ echo(tag: "${day}") }`);
    expect(literal).toMatchObject({ status: 400, error: { extensions: { field: 'tag' } } });
    expect(literal.error.message).toMatch(message);
    const variable = await refused('query($t: Date) { echo(tag: $t) }', { t: day });
    expect(variable).toMatchObject({ status: 400, error: { extensions: { field: 'tag' } } });
    expect(variable.error.message).toMatch(message);
  });

  it('accept the first and the last day of the range', async () => {
    const { body } = await postGraphQL(server.url, 'query($t: [Date!]) { echo(tage: $t) }', {
      t: ['1900-01-01', '2100-12-31'],
    });
    expect(body).toEqual({ data: { echo: 'ok' } });
  });

  it('name a day nested in input objects and lists', async () => {
    const eingabe = { name: 'Amani', kinder: [{ geburtsdatum: '2010-03-01' }, { geburtsdatum: '1800-03-01' }] };
    expect(
      (await refused('query($e: EchoInput) { echo(eingabe: $e) }', { e: eingabe })).error.extensions?.['field'],
    ).toBe('eingabe.kinder[1].geburtsdatum');
    const literal = await refused('{ echo(eingabe: { name: "Amani", kinder: [{ geburtsdatum: "2015-02-30" }] }) }');
    expect(literal.error.extensions?.['field']).toBe('eingabe.kinder[0].geburtsdatum');
    expect((await refused('{ echo(tage: ["2015-01-01", "1899-12-31"]) }')).error.extensions?.['field']).toBe('tage[1]');
  });

  it('name a variable used inside a literal by the argument it feeds', async () => {
    const { error } = await refused(
      'query($d: Date!) { echo(eingabe: { name: "A", kinder: [{ geburtsdatum: $d }] }) }',
      { d: '2015-02-30' },
    );
    expect(error.extensions?.['field']).toBe('eingabe.kinder[0].geburtsdatum');
  });
});

describe('other coercion errors', () => {
  it('name the variable of a default value its type refuses', async () => {
    expect((await refused('query($t: Date = "1800-01-01") { echo(tag: $t) }')).error.extensions?.['field']).toBe('$t');
  });

  it('name the argument of a literal of the wrong type', async () => {
    expect((await refused('{ echo(zahl: "viele") }')).error.extensions?.['field']).toBe('zahl');
  });

  it('name the input object of a variable with an unknown or missing field', async () => {
    expect(
      (await refused('query($e: EchoInput) { echo(eingabe: $e) }', { e: { name: 'A', alter: 3 } })).error.extensions?.[
        'field'
      ],
    ).toBe('eingabe');
    expect(
      (await refused('query($e: EchoInput) { echo(eingabe: $e) }', { e: { kinder: [] } })).error.extensions?.['field'],
    ).toBe('eingabe');
  });
});

describe('strings', () => {
  it('refuse a 1 MB string as a variable and as a literal', async () => {
    const variable = await refused('query($t: String) { echo(text: $t) }', { t: MEGABYTE });
    expect(variable).toMatchObject({ status: 400, error: { extensions: { field: 'text' } } });
    expect(variable.error.message).toBe(`text is longer than 10000 characters (${MEGABYTE.length})`);
    expect((await refused(`{ echo(text: "${MEGABYTE}") }`)).error.extensions?.['field']).toBe('text');
  });

  it('accept a string of exactly the limit', async () => {
    const { body } = await postGraphQL(server.url, 'query($t: String) { echo(text: $t) }', { t: 'x'.repeat(10_000) });
    expect(body).toEqual({ data: { echo: 'ok' } });
  });

  it('refuse an ID over 200 characters', async () => {
    expect((await refused('query($i: ID) { echo(id: $i) }', { i: 'a'.repeat(201) })).error.extensions?.['field']).toBe(
      'id',
    );
  });

  it('refuse a NUL character in a mutation, nested, as a variable and as a literal', async () => {
    const variable = await refused('mutation($e: EchoInput!) { speichern(eingabe: $e) }', {
      e: { name: 'A', kinder: [{ geburtsdatum: '2010-01-01', vorname: 'B\u0000' }] },
    });
    expect(variable).toMatchObject({
      status: 400,
      data: undefined,
      error: { extensions: { field: 'eingabe.kinder[0].vorname' } },
    });
    expect(variable.error.message).toMatch(/NUL/);
    expect((await refused('mutation { speichern(eingabe: { name: "A\\u0000" }) }')).error.extensions?.['field']).toBe(
      'eingabe.name',
    );
    expect(
      (await refused('mutation($n: String!) { speichern(eingabe: { name: $n }) }', { n: '\u0000' })).error.extensions?.[
        'field'
      ],
    ).toBe('eingabe.name');
  });

  it('take the configured limits', async () => {
    expect((await refused('{ echo(text: "sechs!") }', {}, small.url)).error.message).toMatch(
      /longer than 5 characters/,
    );
    expect((await refused('query($i: ID) { echo(id: $i) }', { i: 'vier' }, small.url)).error.message).toMatch(
      /longer than 3 characters/,
    );
    expect((await postGraphQL(small.url, '{ echo(text: "fünf!") }')).body).toEqual({ data: { echo: 'ok' } });
  });
});

describe('_entities representations', () => {
  const ENTITIES =
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name } ... on Fall { name } } }';

  it.each([
    [
      'an id that is a list',
      [{ __typename: 'Person', id: ['a', 'b'] }],
      'representations[0].id',
      /must be a single ID/,
    ],
    [
      'an id that is an object',
      [{ __typename: 'Person', id: { gt: '' } }],
      'representations[0].id',
      /must be a single ID/,
    ],
    ['an id that is a number', [{ __typename: 'Person', id: 7 }], 'representations[0].id', /must be a single ID/],
    [
      'a missing id',
      [{ __typename: 'Person', id: 'p1' }, { __typename: 'Person' }],
      'representations[1].id',
      /is missing/,
    ],
    [
      'an unknown type',
      [
        { __typename: 'Person', id: 'p1' },
        { __typename: 'Geheim', id: 'p1' },
      ],
      'representations[1].__typename',
      /not name an entity type/,
    ],
    [
      'a type that is no entity',
      [{ __typename: 'Fallnummer', kreis: 'a', lfd: 1 }],
      'representations[0].__typename',
      /not name an entity type/,
    ],
    ['no type', [{ id: 'p1' }], 'representations[0].__typename', /not name an entity type/],
    ['a string', ['Person:p1'], 'representations[0]', /must be an object/],
    ['a list', [[{ __typename: 'Person', id: 'p1' }]], 'representations[0]', /must be an object/],
    [
      'an id over the ID limit',
      [{ __typename: 'Person', id: 'p'.repeat(201) }],
      'representations[0].id',
      /longer than 200/,
    ],
    [
      'a nested key of the wrong kind',
      [{ __typename: 'Fall', nummer: { kreis: 'a', lfd: 'eins' } }],
      'representations[0].nummer.lfd',
      /not a valid Int/,
    ],
    [
      'a nested key missing',
      [{ __typename: 'Fall', nummer: { kreis: 'a' } }],
      'representations[0].nummer.lfd',
      /is missing/,
    ],
  ])('refuse %s', async (_, representations, field, message) => {
    const { body } = await postGraphQL(server.url, ENTITIES, { r: representations });
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(body.errors![0]!.message).toMatch(message);
  });

  it('resolve well-formed representations, extra fields and all', async () => {
    const { body } = await postGraphQL(server.url, ENTITIES, {
      r: [
        { __typename: 'Person', id: 'p1', extra: { nested: true } },
        { __typename: 'Fall', nummer: { kreis: 'a', lfd: 2 } },
      ],
    });
    expect(body).toEqual({ data: { _entities: [{ id: 'p1', name: 'gefunden' }, { name: 'gefunden' }] } });
  });

  it('refuse a NUL anywhere in a representation before it is resolved', async () => {
    const { status, body } = await postGraphQL(server.url, ENTITIES, {
      r: [{ __typename: 'Person', id: 'p1', notiz: { text: 'a\u0000' } }],
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'representations[0].notiz.text',
    });
  });
});
