import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDeclaration, type DemoPerson } from '@ip/kit/demo';
import type { Agency } from '@ip/kit/identity';
import { postGraphQL } from '@ip/kit/testing';
import { RECHTSRAHMEN as AGENTUR } from '../subgraphs/agentur/src/policy.ts';
import { RECHTSRAHMEN as AUSLAENDERBEHOERDE } from '../subgraphs/auslaenderbehoerde/src/policy.ts';
import { RECHTSRAHMEN as FAMILIENKASSE } from '../subgraphs/familienkasse/src/policy.ts';
import { RECHTSRAHMEN as JOBCENTER } from '../subgraphs/jobcenter/src/policy.ts';
import { RECHTSRAHMEN as SOZIALAMT } from '../subgraphs/sozialamt/src/policy.ts';
import { ERKLAERT, startSystem, type PartnerName, type System } from './support/system.ts';

/**
 * The owner releases a category to another agency exactly when consent or law covers it, through the
 * gateway and when called directly, and logs each decision once. One person per (owner, category,
 * consent state), each with a declaration recorded only at that owner, asked by every one of them.
 */
// The partners spelled out, the Sozialamt with them: a partner registered later joins with a field of its own.
const CASE_WORKER = {
  agentur: 'integrationsfachkraft',
  jobcenter: 'fallmanagement',
  auslaenderbehoerde: 'sachbearbeitung',
  familienkasse: 'sachbearbeitung',
  sozialamt: 'sachbearbeitung',
} as const satisfies Partial<Record<Agency, string>>;
type Partner = keyof typeof CASE_WORKER;
const AGENCIES = Object.keys(CASE_WORKER) as Partner[];

/** Every (owner, category) with a field today, and the selection that asks for it. */
const CELLS = [
  { owner: 'auslaenderbehoerde', category: 'identitaet', field: 'identitaet', selection: 'identitaet { nachname }' },
  { owner: 'auslaenderbehoerde', category: 'aufenthalt', field: 'aufenthalt', selection: 'aufenthalt { einreiseAm }' },
  {
    owner: 'auslaenderbehoerde',
    category: 'arbeitsmarktzugang',
    field: 'arbeitsmarktzugang',
    selection: 'arbeitsmarktzugang(stichtag: "2015-12-01") { erlaubnis }',
  },
  {
    owner: 'agentur',
    category: 'fall',
    field: 'integrationPointFall',
    selection: 'integrationPointFall { kundennummer }',
  },
  {
    owner: 'agentur',
    category: 'qualifikation',
    field: 'kompetenzfeststellungen',
    selection: 'kompetenzfeststellungen { instrument }',
  },
  { owner: 'agentur', category: 'sprachfoerderung', field: 'sprachkurse', selection: 'sprachkurse { art }' },
  {
    owner: 'jobcenter',
    category: 'bedarfsgemeinschaft',
    field: 'bedarfsgemeinschaft',
    selection: 'bedarfsgemeinschaft { bgNummer }',
  },
  { owner: 'jobcenter', category: 'leistungen', field: 'sgb2Leistungsstatus', selection: 'sgb2Leistungsstatus' },
  {
    owner: 'familienkasse',
    category: 'kindergeld',
    field: 'kindergeldantraege',
    selection: 'kindergeldantraege { kindergeldnummer }',
  },
  {
    owner: 'sozialamt',
    category: 'asylbewerberleistungen',
    field: 'asylbewerberleistungen',
    selection: 'asylbewerberleistungen { ab }',
  },
] as const satisfies readonly { owner: Partner; category: string; field: string; selection: string }[];
type Cell = (typeof CELLS)[number];

const OWN_CATEGORIES = {
  agentur: ['fall', 'qualifikation', 'sprachfoerderung'],
  jobcenter: ['bedarfsgemeinschaft', 'leistungen'],
  auslaenderbehoerde: ['identitaet', 'aufenthalt', 'arbeitsmarktzugang'],
  familienkasse: ['kindergeld'],
  sozialamt: ['asylbewerberleistungen'],
} as const satisfies Record<Partner, readonly string[]>;
const STATES = ['KEINE', 'ERTEILT', 'ANDERE_KATEGORIE', 'WIDERRUFEN', 'ABGELAUFEN'] as const;
type State = (typeof STATES)[number];

/**
 * The releases without consent: § 18b AZR-Gesetz (from 2016-02-05), core identity and residence data to Agentur
 * and Jobcenter; § 50 Abs. 1 SGB II (from 2011-01-01), the Agentur's qualification data to the Jobcenter.
 */
function lawFor(cell: Cell, recipient: Agency): string | null {
  if (
    cell.owner === 'auslaenderbehoerde' &&
    (cell.category === 'identitaet' || cell.category === 'aufenthalt') &&
    (recipient === 'agentur' || recipient === 'jobcenter')
  )
    return '§ 18b AZR-Gesetz';
  if (cell.owner === 'agentur' && cell.category === 'qualifikation' && recipient === 'jobcenter')
    return '§ 50 Abs. 1 SGB II';
  return null;
}
const byLaw = (cell: Cell, recipient: Agency) => lawFor(cell, recipient) !== null;

function expectedRelease(cell: Cell, state: State, recipient: Agency): boolean {
  return recipient === cell.owner || byLaw(cell, recipient) || state === 'ERTEILT';
}

interface Subject {
  readonly cell: Cell;
  readonly state: State;
  readonly person: DemoPerson;
  readonly declarationId: string | null;
}

let system: System;
const subjects: Subject[] = [];

const upper = (value: string) => value.toUpperCase();
const suffix = (owner: string) => owner.charAt(0).toUpperCase() + owner.slice(1);

/** Persons asked about in one query while looking for the ones an owner has data about. */
const BATCH = 20;

/**
 * The first `wanted` of `persons`, in their order, about whom the owner has data in `cell`: asked as the
 * owner, `BATCH` persons per query (one `person` field each), since most persons have none in some cells.
 */
async function knownToOwner(cell: Cell, persons: readonly DemoPerson[], wanted: number): Promise<DemoPerson[]> {
  const known: DemoPerson[] = [];
  for (let start = 0; start < persons.length && known.length < wanted; start += BATCH) {
    const batch = persons.slice(start, start + BATCH);
    const result = await system.query<Record<string, Record<string, unknown> | null>>(
      `query Eigen(${batch.map((_, index) => `$p${index}: ID!`).join(', ')}) {
        ${batch.map((_, index) => `p${index}: person(id: $p${index}) { ${cell.selection} }`).join('\n')}
      }`,
      Object.fromEntries(batch.map((person, index) => [`p${index}`, person.id])),
      { agency: cell.owner, role: CASE_WORKER[cell.owner] },
    );
    expect(result.errors).toBeUndefined();
    for (const [index, person] of batch.entries()) {
      const value = result.data?.[`p${index}`]?.[cell.field];
      if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) known.push(person);
      if (known.length >= wanted) break;
    }
  }
  return known;
}

async function record(owner: Partner, person: DemoPerson, state: State, category: string): Promise<string | null> {
  if (state === 'KEINE') return null;
  const id = randomUUID();
  const categories =
    state === 'ANDERE_KATEGORIE' ? OWN_CATEGORIES[owner].filter((other: string) => other !== category) : [category];
  const freigaben =
    categories.length === 0
      ? []
      : AGENCIES.filter((to) => to !== owner).map((to) => ({
          von: upper(owner),
          an: upper(to),
          kategorien: categories.map(upper),
        }));
  const erklaerung = {
    ...ERKLAERT,
    id,
    personId: person.id,
    unterschriebenAm: '2016-01-04',
    ...(state === 'ABGELAUFEN' ? { gueltigBis: '2016-07-03' } : {}),
    freigaben,
  };
  const as = { agency: 'agentur' as const, role: 'eingangszone' };
  const recorded = await system.query(
    `mutation($e: EinwilligungserklaerungInput!) { einwilligungErfassen${suffix(owner)}(erklaerung: $e) { id } }`,
    { e: erklaerung },
    as,
  );
  expect(recorded.errors).toBeUndefined();
  if (state === 'WIDERRUFEN') {
    const withdrawn = await system.query(
      `mutation($id: ID!) { einwilligungWiderrufen${suffix(owner)}(erklaerungId: $id) { widerrufenAm } }`,
      { id },
      as,
    );
    expect(withdrawn.errors).toBeUndefined();
  }
  return id;
}

beforeAll(async () => {
  system = await startSystem({ households: 230 });
  const { population } = system;
  // Persons without a demo declaration, so the matrix alone decides their consent; those the owner has
  // data about first, so that a release shows real data.
  const free = population.persons.filter((person) => demoDeclaration(person, population.referenceDate) === null);
  const used = new Set<string>();
  for (const cell of CELLS) {
    const known = await knownToOwner(cell, free, STATES.length * 2);
    const candidates = [...known, ...free].filter((person) => !used.has(person.id));
    for (const state of STATES) {
      const person = candidates.shift()!;
      used.add(person.id);
      subjects.push({ cell, state, person, declarationId: await record(cell.owner, person, state, cell.category) });
    }
  }
  // Each owner's own view of its subjects, asked once: the owner sees its own data whatever the consent.
  for (const owner of AGENCIES) {
    const own = subjects.filter((subject) => subject.cell.owner === owner);
    if (own.length === 0) continue;
    const answers = await askAll('gateway', { agency: owner, role: CASE_WORKER[owner] }, own);
    for (const [subject, answer] of answers) {
      expect(answer.errors).toEqual([]);
      ownersValue.set(subject, answer.value);
    }
  }
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

describe('the law each owner answers to', () => {
  // § 67b SGB X binds the social-data bodies only; Kindergeld data are under tax secrecy, the Ausländerbehörde's under the AufenthG and DSG NRW.
  it.each([
    ['agentur', AGENTUR, /§ 67b SGB X/],
    ['jobcenter', JOBCENTER, /§ 67b SGB X/],
    ['familienkasse', FAMILIENKASSE, /§ 30 .*AO/],
    ['auslaenderbehoerde', AUSLAENDERBEHOERDE, /AufenthG.*DSG NRW/],
    // The AsylbLG is no book of the SGB: the Sozialamt's AsylbLG data answer to the Land's law (docs/sozialamt.md).
    ['sozialamt', SOZIALAMT, /DSG NRW/],
  ])('%s: %s', (_, rechtsrahmen, expected) => {
    expect(rechtsrahmen).toMatch(expected);
  });
});

/** What each owner shows its own case worker of each subject, the value a release must equal. */
const ownersValue = new Map<Subject, unknown>();

/** The owners' access log entries made since `after` (the highest id then), per person. */
async function newLogEntries(owner: PartnerName, after: string) {
  const rows = await system.databases[owner]
    .selectFrom('zugriffsprotokoll')
    .selectAll()
    .where('id', '>', after)
    .orderBy('id')
    .execute();
  const byPerson = new Map<string, typeof rows>();
  for (const row of rows) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row]);
  return byPerson;
}

async function lastLogIds(): Promise<Record<Partner, string>> {
  const ids = await Promise.all(
    AGENCIES.map(async (owner) => {
      const row = await system.databases[owner]
        .selectFrom('zugriffsprotokoll')
        .select((eb) => eb.fn.coalesce(eb.fn.max('id'), sql<string>`0`).as('last'))
        .executeTakeFirstOrThrow();
      return [owner, String(row.last)] as const;
    }),
  );
  return Object.fromEntries(ids) as Record<Partner, string>;
}

/** Under the gateway's alias limit (30): the subjects go to the gateway in pages of this many. */
const PER_REQUEST = 25;

interface Answer {
  readonly value: unknown;
  readonly errors: readonly { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * Every subject asked about by `as` in few requests, each subject under an alias of its own, so each answer
 * and each error (by its path) belongs to one subject: through the gateway as `person` fields, or directly
 * at each owner as `_entities` fields, as a caller that bypasses the gateway would ask.
 */
async function askAll(
  path: 'gateway' | 'direct',
  as: { agency: Agency; role: string },
  asked: readonly Subject[] = subjects,
): Promise<Map<Subject, Answer>> {
  const answers = new Map<Subject, Answer>();
  const groups =
    path === 'gateway'
      ? Array.from({ length: Math.ceil(asked.length / PER_REQUEST) }, (_, index) =>
          asked.slice(index * PER_REQUEST, (index + 1) * PER_REQUEST),
        )
      : AGENCIES.map((owner) => asked.filter((subject) => subject.cell.owner === owner)).filter(
          (group) => group.length > 0,
        );
  for (const group of groups) {
    const alias = (index: number) => `s${index}`;
    let data: Record<string, unknown> | null | undefined;
    let errors: Answer['errors'];
    if (path === 'gateway') {
      const result = await system.query<Record<string, Record<string, unknown> | null>>(
        `query Matrix(${group.map((_, index) => `$p${index}: ID!`).join(', ')}) {
          ${group.map((subject, index) => `${alias(index)}: person(id: $p${index}) { ${subject.cell.selection} }`).join('\n')}
        }`,
        Object.fromEntries(group.map((subject, index) => [`p${index}`, subject.person.id])),
        as,
      );
      data = result.data;
      errors = result.errors ?? [];
    } else {
      const authorization = await system.issuer.bearer(as.agency, as.role);
      const { body } = await postGraphQL<Record<string, Record<string, unknown>[] | null>>(
        system.subgraphUrls[group[0]!.cell.owner],
        `query Matrix(${group.map((_, index) => `$r${index}: [_Any!]!`).join(', ')}) {
          ${group
            .map(
              (subject, index) =>
                `${alias(index)}: _entities(representations: $r${index}) { ... on Person { ${subject.cell.selection} } }`,
            )
            .join('\n')}
        }`,
        Object.fromEntries(
          group.map((subject, index) => [`r${index}`, [{ __typename: 'Person', id: subject.person.id }]]),
        ),
        { authorization },
      );
      data = body.data;
      errors = body.errors ?? [];
    }
    for (const [index, subject] of group.entries()) {
      const answer = data?.[alias(index)];
      const node = (Array.isArray(answer) ? answer[0] : answer) as Record<string, unknown> | null | undefined;
      answers.set(subject, {
        value: node?.[subject.cell.field],
        errors: errors.filter((error) => error.path?.[0] === alias(index)),
      });
    }
  }
  return answers;
}

describe.each(['gateway', 'direct'] as const)('consent matrix, %s', (path) => {
  it.each(AGENCIES)(
    'asked by %s: released exactly when consent or law covers it, each decision logged once',
    async (recipient) => {
      const as = { agency: recipient, role: CASE_WORKER[recipient] };
      const last = await lastLogIds();
      const answers = await askAll(path, as);
      const logged = Object.fromEntries(
        await Promise.all(AGENCIES.map(async (owner) => [owner, await newLogEntries(owner, last[owner])] as const)),
      ) as Record<Partner, Awaited<ReturnType<typeof newLogEntries>>>;
      const outcomes: string[] = [];
      for (const subject of subjects) {
        const { cell, state, person } = subject;
        const { value, errors } = answers.get(subject)!;
        const refused = errors.filter((error) => error.extensions?.['code'] === 'EINWILLIGUNG_FEHLT');
        const expected = expectedRelease(cell, state, recipient);
        const what = `${cell.owner}/${cell.category}/${state} to ${recipient}`;
        outcomes.push(`${cell.owner}/${cell.category}/${state}: ${refused.length === 0 ? 'released' : 'refused'}`);
        expect(
          errors.filter((error) => error.extensions?.['code'] !== 'EINWILLIGUNG_FEHLT'),
          what,
        ).toEqual([]);
        expect(refused.length === 0, what).toBe(expected);
        if (expected) expect(value, what).toEqual(ownersValue.get(subject));
        else {
          expect(value ?? null, what).toBeNull();
          expect(refused).toHaveLength(1);
          expect(refused[0]?.extensions).toMatchObject({
            eigentuemer: cell.owner,
            kategorie: cell.category,
            empfaenger: recipient,
          });
        }

        const entries = logged[cell.owner].get(person.id) ?? [];
        if (recipient === cell.owner) {
          expect(entries, what).toHaveLength(0);
        } else {
          expect(entries, what).toHaveLength(1);
          expect(entries[0]).toMatchObject({
            anfragendeBehoerde: recipient,
            rolle: CASE_WORKER[recipient],
            kategorie: cell.category,
            entscheidung: expected ? 'FREIGEGEBEN' : 'VERWEIGERT',
            rechtsgrundlage: !expected ? null : (lawFor(cell, recipient) ?? subject.declarationId),
          });
        }
      }
      expect(outcomes).toHaveLength(CELLS.length * STATES.length);
    },
  );
});
