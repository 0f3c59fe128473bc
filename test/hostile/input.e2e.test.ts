import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindergeldAntragEingegangen, startSystem, type System } from '../support/system.ts';
import {
  codesOf,
  errorWith,
  expectNormalAnswer,
  FAMILIENKASSE,
  JOBCENTER,
  send,
  sendAs,
  sendLarge,
  withNormalQuery,
  type Exchange,
} from './support.ts';

/**
 * Issue 11's bad input: whatever the field, the answer is BAD_USER_INPUT naming it, never an internal error
 * or a partner outage, and nothing is stored.
 */

let system: System;
beforeAll(async () => {
  system = await startSystem({ households: 20 });
});
afterAll(async () => system?.stop());

const MB = 1024 * 1024;
const KIND = { vorname: 'Lina', nachname: 'Haddad', geburtsdatum: '2011-03-04' };
/** The amount is a literal, so the test holds whichever exact type the schema gives money. */
const BEWILLIGUNG = (monatsbetrag: string) => `mutation Bescheid($id: ID!, $k: [KindInput!]) {
  antragBescheiden(antragId: $id, beschiedenAm: "2015-11-25", ergebnis: BEWILLIGT, monatsbetrag: ${monatsbetrag}, kinder: $k) { id ergebnis } }`;
const ABLEHNUNG = `mutation Bescheid($id: ID!, $g: String!) {
  antragBescheiden(antragId: $id, beschiedenAm: "2015-11-25", ergebnis: ABGELEHNT, ablehnungsgrund: $g) { id ergebnis } }`;

function expectBadInput(exchange: Exchange, field: string | RegExp): void {
  expect(codesOf(exchange), exchange.text).toEqual(['BAD_USER_INPUT']);
  const named = errorWith(exchange, 'BAD_USER_INPUT')['field'];
  if (typeof field === 'string') expect(named).toBe(field);
  else expect(named).toMatch(field);
}

let nextPerson = 2;
interface Open {
  readonly id: string;
  readonly personId: string;
}
/** A received, undecided application of a person no other test of this file uses. */
async function openApplication(): Promise<Open> {
  const person = system.population.persons[nextPerson++]!;
  const { id } = await kindergeldAntragEingegangen(system, person.id, {
    ausgegebenAm: '2015-11-10',
    eingangAm: '2015-11-16',
  });
  return { id, personId: person.id };
}

async function expectStillOpen(antrag: Open): Promise<void> {
  const seen = await sendAs(
    system,
    FAMILIENKASSE,
    `query Antraege($p: ID!) { person(id: $p) { kindergeldantraege { id ergebnis } } }`,
    { p: antrag.personId },
  );
  const antraege = (seen.body?.data as { person: { kindergeldantraege: { id: string }[] } }).person.kindergeldantraege;
  expect(antraege.find((candidate) => candidate.id === antrag.id)).toEqual({ id: antrag.id, ergebnis: null });
}

describe('dates', () => {
  it('answers 2015-02-30 through the gateway with BAD_USER_INPUT naming the argument (the subgraph’s own 400 passed through)', async () => {
    const { result, normal } = await withNormalQuery(system, () =>
      sendAs(system, FAMILIENKASSE, `query { ueberfaelligeKindergeldantraege(stichtag: "2015-02-30") { totalCount } }`),
    );
    expectBadInput(result, 'stichtag');
    expectNormalAnswer(system, normal);
  });

  it('refuses a child born in 1800 and leaves the application open', async () => {
    const antrag = await openApplication();
    const { result, normal } = await withNormalQuery(system, () =>
      sendAs(system, FAMILIENKASSE, BEWILLIGUNG('188'), {
        id: antrag.id,
        k: [{ ...KIND, geburtsdatum: '1800-01-01' }],
      }),
    );
    expectBadInput(result, /geburtsdatum$/);
    expectNormalAnswer(system, normal);
    await expectStillOpen(antrag);
  });
});

describe('money', () => {
  for (const monatsbetrag of ['1e308', '0.001']) {
    it(`refuses monatsbetrag ${monatsbetrag} with BAD_USER_INPUT naming monatsbetrag, storing nothing`, async () => {
      const antrag = await openApplication();
      const { result, normal } = await withNormalQuery(system, () =>
        sendAs(system, FAMILIENKASSE, BEWILLIGUNG(monatsbetrag), { id: antrag.id, k: [KIND] }),
      );
      expectBadInput(result, 'monatsbetrag');
      expectNormalAnswer(system, normal);
      await expectStillOpen(antrag);
    });
  }
});

describe('text', () => {
  it('refuses a NUL byte in a free text as BAD_USER_INPUT, not as a partner outage', async () => {
    const person = system.population.persons[nextPerson++]!;
    const { result, normal } = await withNormalQuery(system, () =>
      sendAs(
        system,
        JOBCENTER,
        `mutation Anfrage($p: ID!, $f: String!) { statusklaerungAnfragen(personId: $p, anliegen: AUFENTHALTSSTATUS, frage: $f) { id } }`,
        {
          p: person.id,
          f: 'Frage mit \u0000 darin',
        },
      ),
    );
    expectBadInput(result, 'frage');
    expectNormalAnswer(system, normal);
  });

  it('refuses a free text over the maximum length (200 KB, under the body limit) naming the field', async () => {
    const antrag = await openApplication();
    const { result, normal } = await withNormalQuery(system, () =>
      sendAs(system, FAMILIENKASSE, ABLEHNUNG, { id: antrag.id, g: 'x'.repeat(200 * 1024) }),
    );
    expectBadInput(result, 'ablehnungsgrund');
    expectNormalAnswer(system, normal);
    await expectStillOpen(antrag);
  });

  it('refuses 1 MB of free text, as too large a body or as too long a text, and stores nothing', async () => {
    const antrag = await openApplication();
    const authorization = await system.issuer.bearer(FAMILIENKASSE.agency, FAMILIENKASSE.role);
    const body = JSON.stringify({ query: ABLEHNUNG, variables: { id: antrag.id, g: 'x'.repeat(MB) } });
    const { result, normal } = await withNormalQuery(system, () =>
      sendLarge(system.gatewayUrl, body, { authorization }),
    );
    if (result.status === 413) expect(codesOf(result)).toEqual(['PAYLOAD_TOO_LARGE']);
    else expectBadInput(result, 'ablehnungsgrund');
    expectNormalAnswer(system, normal);
    await expectStillOpen(antrag);
  });
});

describe('malformed _entities representations sent straight to a subgraph', () => {
  const cases = [
    {
      name: 'an id that is an array',
      representations: [{ __typename: 'Person', id: ['a', 'b'] }],
      selection: '... on Person { id }',
    },
    {
      name: 'a type the subgraph does not know',
      representations: [{ __typename: 'Unbekannt', id: 'x' }],
      selection: '__typename',
    },
  ];
  for (const { name, representations, selection } of cases) {
    it(`answers ${name} with BAD_USER_INPUT`, async () => {
      const authorization = await system.issuer.bearer(JOBCENTER.agency, JOBCENTER.role);
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
      const { result, normal } = await withNormalQuery(system, () =>
        send(system.subgraphUrls.familienkasse, { query, variables: { r: representations } }, { authorization }),
      );
      expect(codesOf(result), result.text).toEqual(['BAD_USER_INPUT']);
      expect(errorWith(result, 'BAD_USER_INPUT')['field']).toEqual(expect.any(String));
      expectNormalAnswer(system, normal);
    });
  }
});
