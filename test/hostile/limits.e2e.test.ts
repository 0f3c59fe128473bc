import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type System } from '../support/system.ts';
import {
  codesOf,
  errorWith,
  expectNormalAnswer,
  JOBCENTER,
  send,
  sendAs,
  sendLarge,
  withNormalQuery,
  type Exchange,
} from './support.ts';

/** Issue 11's hostile requests that the gateway must refuse before planning: size, aliases, body, tokens, log names. */

let system: System;
beforeAll(async () => {
  system = await startSystem({ households: 20 });
});
afterAll(async () => system?.stop());

const LIMIT_CODES = [
  'MAX_DEPTH_EXCEEDED',
  'MAX_ALIASES_EXCEEDED',
  'MAX_TOKENS_EXCEEDED',
  'MAX_DIRECTIVES_EXCEEDED',
  'MAX_COST_EXCEEDED',
];
const MB = 1024 * 1024;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function expectLimitRefusal(exchange: Exchange): void {
  expect(exchange.status, exchange.text).toBe(400);
  const codes = codesOf(exchange);
  expect(codes.length).toBeGreaterThan(0);
  for (const code of codes) expect(LIMIT_CODES).toContain(code);
  for (const error of exchange.body!.errors!) {
    const { limit, measured } = error.extensions as { limit: number; measured: number };
    expect(typeof limit).toBe('number');
    expect(measured).toBeGreaterThan(limit);
  }
}

/**
 * Refused before planning: no partner the probe names ran a statement. The normal query beside it asks
 * the Ausländerbehörde only, so the other three must have stayed silent.
 */
function expectUnplanned(system: System): void {
  for (const partner of ['agentur', 'jobcenter', 'familienkasse'] as const)
    expect(system.statements[partner], partner).toEqual([]);
}

describe('requests too big to plan', () => {
  it('refuses 120 aliases of a person with their Familienkasse consents, naming the alias limit', async () => {
    const ids = system.population.persons.map((person) => person.id);
    const fields = range(120).map(
      (i) => `a${i}: person(id: "${ids[i % ids.length]}") { datenschutz { familienkasse { einwilligungen { id } } } }`,
    );
    system.resetStatements();
    const { result, normal } = await withNormalQuery(system, () =>
      sendAs(system, JOBCENTER, `query Aliases { ${fields.join(' ')} }`),
    );
    expectLimitRefusal(result);
    expectUnplanned(system);
    expect(errorWith(result, 'MAX_ALIASES_EXCEEDED')['measured']).toBe(120);
    expectNormalAnswer(system, normal);
  });

  it('refuses 500 aliases of personen(first: 100) with partner fields', async () => {
    const node =
      'id identitaet { vorname nachname } aufenthalt { status { art } } integrationPointFall { kundennummer } bedarfsgemeinschaft { bgNummer } kindergeldantraege { kindergeldnummer }';
    const fields = range(500).map((i) => `a${i}: personen(first: 100) { edges { node { ${node} } } }`);
    system.resetStatements();
    const { result, normal } = await withNormalQuery(system, () =>
      sendAs(system, JOBCENTER, `query Viele { ${fields.join(' ')} }`),
    );
    expectLimitRefusal(result);
    expectUnplanned(system);
    expectNormalAnswer(system, normal);
  });
});

describe('bodies over the limit', () => {
  for (const size of [20, 60]) {
    it(`answers a ${size} MB body with 413 and a JSON GraphQL error naming the limit`, async () => {
      const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(size * MB) } });
      const authorization = await system.issuer.bearer(JOBCENTER.agency, JOBCENTER.role);
      const { result, normal } = await withNormalQuery(system, () =>
        sendLarge(system.gatewayUrl, body, { authorization }),
      );
      expect(result.status, result.text).toBe(413);
      expect(result.contentType).toMatch(/json/);
      const extensions = errorWith(result, 'PAYLOAD_TOO_LARGE');
      expect(extensions['limit']).toBeLessThan(size * MB);
      expectNormalAnswer(system, normal);
    });
  }
});

describe('tokens no identity provider should issue', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases = [
    { name: 'an exp in the year 9999', claims: () => ({ iat: now(), exp: Math.floor(Date.UTC(9999, 11, 31) / 1000) }) },
    { name: 'an iat a day in the future', claims: () => ({ iat: now() + 86_400, exp: now() + 86_400 + 8 * 3600 }) },
  ];
  for (const { name, claims } of cases) {
    it(`refuses a token with ${name}: 401 UNAUTHENTICATED`, async () => {
      const authorization = await system.issuer.forge({
        sub: 'u-forged',
        agency: 'jobcenter',
        role: 'fallmanagement',
        ...claims(),
      });
      const { result, normal } = await withNormalQuery(system, () =>
        send(system.gatewayUrl, { query: '{ __typename }' }, { authorization }),
      );
      expect(result.status, result.text).toBe(401);
      expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
      expectNormalAnswer(system, normal);
    });
  }

  it('still accepts a token of an ordinary working day (the refusals above are not of every token)', async () => {
    const authorization = await system.issuer.forge({
      sub: 'u-day',
      agency: 'jobcenter',
      role: 'fallmanagement',
      iat: now(),
      exp: now() + 8 * 3600,
    });
    expect((await send(system.gatewayUrl, { query: '{ __typename }' }, { authorization })).status).toBe(200);
  });
});

describe('the access log under a flood of operation name', () => {
  it('keeps a placeholder of at most 100 characters, not a 100 KB name', async () => {
    const person = system.population.persons[1]!;
    const since = new Date();
    const name = `Gerichtsbeschluss_${'x'.repeat(100_000)}`;
    const { result, normal } = await withNormalQuery(system, () =>
      sendAs(system, JOBCENTER, `query ${name}($id: ID!) { person(id: $id) { kindergeldantraege { id } } }`, {
        id: person.id,
      }),
    );
    const rows = await system.databases.familienkasse
      .selectFrom('zugriffsprotokoll')
      .select(['operation'])
      .where('personId', '=', person.id)
      .where('zeitpunkt', '>=', since)
      .execute();
    // A gateway may refuse such a name outright; if it answered, the Familienkasse decided and logged.
    if (result.status === 200) expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.operation.length).toBeLessThanOrEqual(100);
      expect(row.operation).not.toContain('Gerichtsbeschluss');
    }
    expectNormalAnswer(system, normal);
  });
});
