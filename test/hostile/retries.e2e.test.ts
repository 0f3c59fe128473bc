import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type System } from '../support/system.ts';
import {
  AUSLAENDERBEHOERDE,
  codesOf,
  errorWith,
  expectNormalAnswer,
  FAMILIENKASSE,
  JOBCENTER,
  sendAs,
  withNormalQuery,
  type Exchange,
} from './support.ts';

/**
 * Issue 11's retry storm: a client sends the same creating mutation 20 times at once. With one `anfrageId`
 * the database lets exactly one through and every answer is that one; the same id with other content is refused.
 */

let system: System;
beforeAll(async () => {
  system = await startSystem({ households: 20 });
});
afterAll(async () => system?.stop());

const PAKET = `mutation Ausgabe($p: ID!, $a: Date!, $r: ID) { antragspaketAusgeben(personId: $p, familienkasse: "515", ausgegebenAm: $a, anfrageId: $r) { id matrixCode } }`;
const PAKET_OHNE_ID = `mutation Ausgabe($p: ID!) { antragspaketAusgeben(personId: $p, familienkasse: "515", ausgegebenAm: "2015-11-10") { id matrixCode } }`;
const KLAERUNG = `mutation Anfrage($p: ID!, $f: String!, $r: ID) { statusklaerungAnfragen(personId: $p, anliegen: AUFENTHALTSSTATUS, frage: $f, anfrageId: $r) { id } }`;

async function twentyAtOnce(send: () => Promise<Exchange>): Promise<{ answers: Exchange[]; normal: Exchange }> {
  const { result, normal } = await withNormalQuery(system, () => Promise.all(Array.from({ length: 20 }, send)));
  return { answers: result, normal };
}

async function count(
  who: { agency: string; role: string },
  personId: string,
  field: 'antragspakete' | 'statusklaerungen',
): Promise<number> {
  const seen = await sendAs(system, who, `query Zaehlen($p: ID!) { person(id: $p) { ${field} { id } } }`, {
    p: personId,
  });
  expect(seen.body?.errors, seen.text).toBeUndefined();
  return ((seen.body?.data as { person: Record<string, unknown[] | null> }).person[field] ?? []).length;
}

function expectAllEqual(answers: readonly Exchange[]): void {
  for (const answer of answers) expect(answer.body?.errors, answer.text).toBeUndefined();
  expect(new Set(answers.map((answer) => JSON.stringify(answer.body?.data))).size).toBe(1);
}

describe('20 parallel antragspaketAusgeben', () => {
  it('with one anfrageId: one packet, 20 equal answers', async () => {
    const person = system.population.persons[2]!;
    const before = await count(FAMILIENKASSE, person.id, 'antragspakete');
    const { answers, normal } = await twentyAtOnce(() =>
      sendAs(system, JOBCENTER, PAKET, { p: person.id, a: '2015-11-10', r: 'hostile-paket-0001' }),
    );
    expectAllEqual(answers);
    expect(await count(FAMILIENKASSE, person.id, 'antragspakete')).toBe(before + 1);
    expectNormalAnswer(system, normal);
  });

  it('the same anfrageId with other content is refused, naming anfrageId', async () => {
    const person = system.population.persons[3]!;
    const first = await sendAs(system, JOBCENTER, PAKET, { p: person.id, a: '2015-11-10', r: 'hostile-paket-0002' });
    expect(first.body?.errors, first.text).toBeUndefined();
    const again = await sendAs(system, JOBCENTER, PAKET, { p: person.id, a: '2015-11-11', r: 'hostile-paket-0002' });
    expect(codesOf(again)).toEqual(['BAD_USER_INPUT']);
    expect(errorWith(again, 'BAD_USER_INPUT')).toMatchObject({
      field: 'anfrageId',
      grund: 'ANFRAGE_ID_WIEDERVERWENDET',
    });
  });

  it('without anfrageId the 20 are 20 packets (nothing marks them as one), all answered', async () => {
    const person = system.population.persons[4]!;
    const before = await count(FAMILIENKASSE, person.id, 'antragspakete');
    const { answers, normal } = await twentyAtOnce(() => sendAs(system, JOBCENTER, PAKET_OHNE_ID, { p: person.id }));
    for (const answer of answers) expect(answer.body?.errors, answer.text).toBeUndefined();
    expect(await count(FAMILIENKASSE, person.id, 'antragspakete')).toBe(before + 20);
    expectNormalAnswer(system, normal);
  });
});

describe('20 parallel statusklaerungAnfragen', () => {
  it('with one anfrageId: one request, 20 equal answers', async () => {
    const person = system.population.persons[5]!;
    const before = await count(AUSLAENDERBEHOERDE, person.id, 'statusklaerungen');
    const { answers, normal } = await twentyAtOnce(() =>
      sendAs(system, JOBCENTER, KLAERUNG, { p: person.id, f: 'Parallel gestellt', r: 'hostile-klaerung-0001' }),
    );
    expectAllEqual(answers);
    expect(await count(AUSLAENDERBEHOERDE, person.id, 'statusklaerungen')).toBe(before + 1);
    expectNormalAnswer(system, normal);
  });

  it('the same anfrageId with another question is refused, naming anfrageId', async () => {
    const person = system.population.persons[6]!;
    const first = await sendAs(system, JOBCENTER, KLAERUNG, {
      p: person.id,
      f: 'Erste Frage',
      r: 'hostile-klaerung-0002',
    });
    expect(first.body?.errors, first.text).toBeUndefined();
    const again = await sendAs(system, JOBCENTER, KLAERUNG, {
      p: person.id,
      f: 'Andere Frage',
      r: 'hostile-klaerung-0002',
    });
    expect(errorWith(again, 'BAD_USER_INPUT')).toMatchObject({
      field: 'anfrageId',
      grund: 'ANFRAGE_ID_WIEDERVERWENDET',
    });
  });
});
