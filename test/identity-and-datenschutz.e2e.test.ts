import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDeclaration, type DemoPerson } from '@ip/kit/demo';
import { createTestIssuer, postGraphQL, type TestIssuer } from '@ip/kit/testing';
import { ERKLAERT, recordDeclaration, startSystem, type PartnerName, type System } from './support/system.ts';

let system: System;
let foreignIssuer: TestIssuer;

beforeAll(async () => {
  system = await startSystem({ households: 230 });
  foreignIssuer = await createTestIssuer();
});

afterAll(async () => {
  await system?.stop();
  await foreignIssuer?.close();
});

/** Persons without a demo declaration: what the tests record alone decides for them. Each test takes its own. */
const withoutDeclaration = () =>
  system.population.persons.filter((person) => demoDeclaration(person, system.population.referenceDate) === null);

describe('tokens', () => {
  const QUERY = '{ personen(first: 1) { totalCount } }';
  const ENTITIES =
    '{ _entities(representations: [{ __typename: "Person", id: "00000000-0000-4000-8000-000000000000" }]) { __typename } }';
  const cases: [string, () => Promise<string | undefined>][] = [
    ['missing', async () => undefined],
    ['not a bearer token', async () => 'Basic dXNlcjpwYXNz'],
    ['expired', () => system.issuer.bearer('jobcenter', 'fallmanagement', { expiresIn: '-1m' })],
    ['signed with another key', () => foreignIssuer.bearer('jobcenter', 'fallmanagement')],
    [
      'for another audience',
      () => system.issuer.bearer('jobcenter', 'fallmanagement', { audience: 'another-service' }),
    ],
    // The Sozialamt is a partner since issue 15; the youth welfare office is not (yet).
    ['of an unknown agency', () => system.issuer.bearer('jugendamt', 'sachbearbeitung')],
    ['with a role the agency does not have', () => system.issuer.bearer('jobcenter', 'integrationsfachkraft')],
  ];

  it.each(cases)('%s: refused with 401 at the gateway and at every subgraph', async (_, token) => {
    const authorization = await token();
    const headers: Record<string, string> = authorization ? { authorization } : {};
    const targets: [string, string][] = [
      [system.gatewayUrl, QUERY],
      ...(Object.entries(system.subgraphUrls) as [PartnerName, string][]).map(([, url]): [string, string] => [
        url,
        ENTITIES,
      ]),
    ];
    for (const [url, query] of targets) {
      const { status, body } = await postGraphQL(url, query, {}, headers);
      expect(status, url).toBe(401);
      expect(body.errors?.[0]?.extensions?.['code'], url).toBe('UNAUTHENTICATED');
      expect(body.data ?? null).toBeNull();
    }
  });

  it('lets a valid token through at the gateway and at a subgraph', async () => {
    const authorization = await system.issuer.bearer('jobcenter', 'fallmanagement');
    expect((await postGraphQL(system.gatewayUrl, QUERY, {}, { authorization })).status).toBe(200);
    expect((await postGraphQL(system.subgraphUrls.familienkasse, ENTITIES, {}, { authorization })).status).toBe(200);
  });
});

describe('forgery against a subgraph called directly', () => {
  it('releases nothing for consent claimed in a hand-made representation', async () => {
    const without = withoutDeclaration()[0] as DemoPerson;
    const authorization = await system.issuer.bearer('jobcenter', 'fallmanagement');
    const { body } = await postGraphQL<{ _entities: { kindergeldantraege: unknown }[] }>(
      system.subgraphUrls.familienkasse,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { kindergeldantraege { kindergeldnummer } } } }`,
      {
        r: [
          {
            __typename: 'Person',
            id: without.id,
            einwilligung: {
              id: randomUUID(),
              freigaben: [{ von: 'FAMILIENKASSE', an: 'JOBCENTER', kategorien: ['KINDERGELD'] }],
            },
            datenschutz: { familienkasse: { einwilligungen: [{ status: 'WIRKSAM' }] } },
            agency: 'familienkasse',
          },
        ],
      },
      { authorization, 'x-agency': 'familienkasse' },
    );
    expect(body.data?._entities[0]?.kindergeldantraege).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'EINWILLIGUNG_FEHLT',
      eigentuemer: 'familienkasse',
      empfaenger: 'jobcenter',
    });
  });

  it("shows an owner's access log to no other agency's case worker, even through a hand-made Datenschutz representation", async () => {
    const person = system.population.persons[0]!;
    const authorization = await system.issuer.bearer('jobcenter', 'fallmanagement');
    const { body } = await postGraphQL<{ _entities: { familienkasse: { zugriffe: unknown } }[] }>(
      system.subgraphUrls.familienkasse,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Datenschutz { familienkasse { zugriffe { totalCount } } } } }`,
      { r: [{ __typename: 'Datenschutz', personId: person.id }] },
      { authorization },
    );
    expect(body.data?._entities[0]?.familienkasse.zugriffe).toBeNull();
    expect(body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

describe("the person's data protection view", () => {
  const VIEW = `query($id: ID!) { person(id: $id) { datenschutz {
    familienkasse { eigentuemer einwilligungen { id status freigaben { empfaenger kategorie } } zugriffe { totalCount edges { node { anfragendeBehoerde benutzer kategorie entscheidung rechtsgrundlage operation } } } }
    auslaenderbehoerde { einwilligungen { status } } } } }`;
  interface View {
    person: {
      datenschutz: {
        familienkasse: {
          eigentuemer: string;
          einwilligungen: { id: string; status: string }[];
          zugriffe: { totalCount: number; edges: { node: Record<string, string | null> }[] } | null;
        };
        auslaenderbehoerde: { einwilligungen: { status: string }[] };
      };
    };
  }

  it('withdrawal takes effect on the next request, and the log shows who saw what and why', async () => {
    const person = withoutDeclaration()[1]!;
    const id = randomUUID();
    await recordDeclaration(system, { id, personId: person.id, unterschriebenAm: '2016-03-01', freigaben: 'ALLE' });
    // A retry of the same declaration answers the stored copy; the same id with other content is refused.
    await recordDeclaration(system, { id, personId: person.id, unterschriebenAm: '2016-03-01', freigaben: 'ALLE' });
    const conflict = await system.query(
      `mutation($e: EinwilligungserklaerungInput!) { einwilligungErfassenFamilienkasse(erklaerung: $e) { id } }`,
      { e: { ...ERKLAERT, id, personId: person.id, unterschriebenAm: '2016-03-02', freigaben: [] } },
      { agency: 'agentur', role: 'eingangszone' },
    );
    expect(conflict.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    // § 67b Abs. 2 S. 2 SGB X: a consent the person was not told they may refuse is not valid, so it is not recorded.
    const unaufgeklaert = await system.query(
      `mutation($e: EinwilligungserklaerungInput!) { einwilligungErfassenJobcenter(erklaerung: $e) { id } }`,
      {
        e: {
          ...ERKLAERT,
          verweigerungsfolgenErklaert: false,
          id: randomUUID(),
          personId: person.id,
          unterschriebenAm: '2016-03-01',
          freigaben: [],
        },
      },
      { agency: 'agentur', role: 'eingangszone' },
    );
    expect(unaufgeklaert.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'erklaerung.verweigerungsfolgenErklaert',
    });

    const asJobcenter = { agency: 'jobcenter' as const, role: 'fallmanagement' };
    const KINDERGELD = `query Leistungspruefung($id: ID!) { person(id: $id) { kindergeldantraege { kindergeldnummer } } }`;
    expect((await system.query(KINDERGELD, { id: person.id }, asJobcenter)).errors).toBeUndefined();
    const withdrawn = await system.query(
      `mutation($id: ID!) { einwilligungWiderrufenFamilienkasse(erklaerungId: $id) { status } }`,
      { id },
      { agency: 'agentur', role: 'eingangszone' },
    );
    expect(withdrawn.data).toEqual({ einwilligungWiderrufenFamilienkasse: { status: 'WIDERRUFEN' } });
    expect((await system.query(KINDERGELD, { id: person.id }, asJobcenter)).errors?.[0]?.extensions?.['code']).toBe(
      'EINWILLIGUNG_FEHLT',
    );

    const { data } = await system.query<View>(
      VIEW,
      { id: person.id },
      { agency: 'familienkasse', role: 'sachbearbeitung' },
    );
    const part = data!.person.datenschutz.familienkasse;
    expect(part.eigentuemer).toBe('FAMILIENKASSE');
    expect(part.einwilligungen).toEqual([expect.objectContaining({ id, status: 'WIDERRUFEN' })]);
    expect(part.zugriffe?.edges.map((edge) => edge.node)).toEqual([
      {
        anfragendeBehoerde: 'JOBCENTER',
        benutzer: 'jobcenter-fallmanagement',
        kategorie: 'KINDERGELD',
        entscheidung: 'VERWEIGERT',
        rechtsgrundlage: null,
        operation: expect.stringContaining('Leistungspruefung'),
      },
      {
        anfragendeBehoerde: 'JOBCENTER',
        benutzer: 'jobcenter-fallmanagement',
        kategorie: 'KINDERGELD',
        entscheidung: 'FREIGEGEBEN',
        rechtsgrundlage: id,
        operation: expect.stringContaining('Leistungspruefung'),
      },
    ]);
  });

  it("lets the common intake and the owner's own staff record and withdraw, not the recipient nor a data protection officer", async () => {
    const person = withoutDeclaration()[2]!;
    const RECORD = `mutation($e: EinwilligungserklaerungInput!) { einwilligungErfassenAgentur(erklaerung: $e) { id erfasstDurch } }`;
    const WITHDRAW = `mutation($id: ID!) { einwilligungWiderrufenAgentur(erklaerungId: $id) { status } }`;
    const KATEGORIEN = ['FALL', 'QUALIFIKATION', 'SPRACHFOERDERUNG'];
    const declaration = (an: string) => ({
      ...ERKLAERT,
      id: randomUUID(),
      personId: person.id,
      unterschriebenAm: '2016-01-04',
      freigaben: [{ von: 'AGENTUR', an, kategorien: KATEGORIEN }],
    });
    // Language courses: the qualification data reach the Jobcenter by law (§ 50 Abs. 1 SGB II), these need consent.
    const FALL = `query($id: ID!) { person(id: $id) { sprachkurse { art } } }`;
    const asJobcenter = { agency: 'jobcenter' as const, role: 'fallmanagement' };

    // A Jobcenter case worker recording, at the Agentur, a release of the Agentur's data to the Jobcenter.
    const forged = declaration('JOBCENTER');
    for (const as of [asJobcenter, { agency: 'agentur' as const, role: 'datenschutz' }]) {
      const refused = await system.query(RECORD, { e: forged }, as);
      expect(
        refused.errors?.map((error) => error.extensions?.['code']),
        as.role,
      ).toEqual(['FORBIDDEN']);
    }
    expect((await system.query(FALL, { id: person.id }, asJobcenter)).errors?.[0]?.extensions?.['code']).toBe(
      'EINWILLIGUNG_FEHLT',
    );

    const signed = declaration('JOBCENTER');
    for (const [as, by] of [
      [{ agency: 'agentur' as const, role: 'eingangszone' }, 'AGENTUR'],
      [{ agency: 'agentur' as const, role: 'teamleitung' }, 'AGENTUR'],
    ] as const) {
      const recorded = await system.query(RECORD, { e: { ...signed, id: randomUUID() } }, as);
      expect(recorded.data, as.role).toEqual({
        einwilligungErfassenAgentur: { id: expect.any(String), erfasstDurch: by },
      });
    }
    const kept = await system.query<{ einwilligungErfassenAgentur: { id: string } }>(
      RECORD,
      { e: signed },
      { agency: 'agentur', role: 'integrationsfachkraft' },
    );
    expect(kept.errors).toBeUndefined();
    expect((await system.query(FALL, { id: person.id }, asJobcenter)).errors).toBeUndefined();

    // At another owner the same: the intake desk and that owner's staff, not the Agentur's specialist.
    const ABH = `mutation($e: EinwilligungserklaerungInput!) { einwilligungErfassenAuslaenderbehoerde(erklaerung: $e) { id } }`;
    const zumAgentur = () => ({
      ...ERKLAERT,
      id: randomUUID(),
      personId: person.id,
      unterschriebenAm: '2016-01-04',
      freigaben: [{ von: 'AUSLAENDERBEHOERDE', an: 'AGENTUR', kategorien: ['ARBEITSMARKTZUGANG'] }],
    });
    expect(
      (await system.query(ABH, { e: zumAgentur() }, { agency: 'agentur', role: 'integrationsfachkraft' })).errors?.map(
        (error) => error.extensions?.['code'],
      ),
    ).toEqual(['FORBIDDEN']);
    for (const as of [
      { agency: 'agentur' as const, role: 'eingangszone' },
      { agency: 'auslaenderbehoerde' as const, role: 'sachbearbeitung' },
    ]) {
      expect((await system.query(ABH, { e: zumAgentur() }, as)).errors, `${as.agency} ${as.role}`).toBeUndefined();
    }

    // Withdrawing is the same desk's job: another partner cannot cut the person's releases off either.
    const id = kept.data!.einwilligungErfassenAgentur.id;
    const byFamilienkasse = await system.query(WITHDRAW, { id }, { agency: 'familienkasse', role: 'sachbearbeitung' });
    expect(byFamilienkasse.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
    expect((await system.query(WITHDRAW, { id }, { agency: 'agentur', role: 'eingangszone' })).data).toEqual({
      einwilligungWiderrufenAgentur: { status: 'WIDERRUFEN' },
    });
  });

  it("shows the log to the owner's staff and to every data protection officer, not to other case workers", async () => {
    const person = system.population.persons[1]!;
    const read = (agency: PartnerName, role: string) => system.query<View>(VIEW, { id: person.id }, { agency, role });
    expect((await read('familienkasse', 'teamleitung')).data?.person.datenschutz.familienkasse.zugriffe).not.toBeNull();
    expect((await read('agentur', 'datenschutz')).data?.person.datenschutz.familienkasse.zugriffe).not.toBeNull();
    const other = await read('agentur', 'integrationsfachkraft');
    expect(other.data?.person.datenschutz.familienkasse.zugriffe).toBeNull();
    expect(other.data?.person.datenschutz.familienkasse.einwilligungen).toBeDefined();
    expect(other.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
  });

  it('shows every consent state of the demo data', async () => {
    const statuses = new Set<string>();
    let without = 0;
    for (const person of system.population.persons.slice(0, 200)) {
      const { data } = await system.query<View>(
        VIEW.replace('familienkasse {', 'familienkasse: auslaenderbehoerde {').replace(
          /zugriffe \{[^}]*\{[^}]*\{[^}]*\} \} \}/,
          '',
        ),
        { id: person.id },
      );
      const einwilligungen = data?.person.datenschutz.auslaenderbehoerde.einwilligungen ?? [];
      if (einwilligungen.length === 0) without += 1;
      for (const einwilligung of einwilligungen) statuses.add(einwilligung.status);
    }
    expect(without).toBeGreaterThan(0);
    expect(statuses).toEqual(new Set(['WIRKSAM', 'WIDERRUFEN', 'ABGELAUFEN']));
  });
});
