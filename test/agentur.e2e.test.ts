import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { AgenturDatabase } from '@ip/agentur';
import { addDays, addMonths, demoDeclaration, type DemoPerson } from '@ip/kit/demo';
import { encodeCursor } from '@ip/kit';
import { ERKLAERT, startSystem, type System } from './support/system.ts';

/**
 * The Agentur's day through the gateway: outreach list on two Stichtage around a change of the criteria,
 * intake and its refusals, courses checked against the Ausländerbehörde's facts, hand-over, maximum stay,
 * caseload and appointments. The partners' key is set to 3 customers per specialist and 14 days, so a
 * handful of cases shows the "atmendes System"; the rules themselves are the same as with 100 and 28.
 */
let system: System;
let agenturDb: Kysely<AgenturDatabase>;
const SETTINGS = {
  betreuungsschluessel: 3,
  nachhaltigAbTagen: 14,
  hoechstverweildauerMonate: 6,
  uebergabeVorlaufTage: 28,
};

beforeAll(async () => {
  system = await startSystem({ households: 60, agentur: SETTINGS });
  agenturDb = system.databases.agentur as unknown as Kysely<AgenturDatabase>;
});
afterAll(async () => system?.stop());

const FACHKRAFT = { agency: 'agentur' as const, role: 'integrationsfachkraft' };
const EINGANG = { agency: 'agentur' as const, role: 'eingangszone' };
const TEAMLEITUNG = { agency: 'agentur' as const, role: 'teamleitung' };
const ABH = { agency: 'auslaenderbehoerde' as const, role: 'sachbearbeitung' };
const JOBCENTER = { agency: 'jobcenter' as const, role: 'fallmanagement' };

const codeOf = (response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.[0]?.extensions;

const released = (person: DemoPerson) =>
  ['VOLLSTAENDIG', 'TEILWEISE'].includes(demoDeclaration(person, system.population.referenceDate)?.state ?? '');
const statusOn = (person: DemoPerson, day: string) =>
  person.statusverlauf.find(
    (periode) => periode.gueltigAb <= day && (periode.gueltigBis === null || periode.gueltigBis >= day),
  )?.art;

async function knownToAgentur(): Promise<Set<string>> {
  const rows = await agenturDb
    .selectFrom('fall')
    .select('personId')
    .union(agenturDb.selectFrom('regelkunde').select('personId'))
    .execute();
  return new Set(rows.map((row) => row.personId));
}

/** Everyone who should be on the list, worked out from the population and asked of the Ausländerbehörde, not of the Agentur's code. */
async function expectedCandidates(stichtag: string, nationalities: readonly string[]): Promise<string[]> {
  const known = await knownToAgentur();
  const ids = system.population.persons
    .filter(
      (person) =>
        nationalities.includes(person.staatsangehoerigkeit) &&
        ['AUFENTHALTSGESTATTUNG', 'DULDUNG'].includes(statusOn(person, stichtag) ?? ''),
    )
    .filter((person) => released(person) && !known.has(person.id))
    .map((person) => person.id);
  const zugang = await system.query<{
    [key: string]: { arbeitsmarktzugang: { erlaubnis: string; naechsteAenderungAm: string | null } };
  }>(
    `{ ${ids.map((id, index) => `p${index}: person(id: "${id}") { arbeitsmarktzugang(stichtag: "${stichtag}") { erlaubnis naechsteAenderungAm } }`).join('\n')} }`,
    {},
    ABH,
  );
  const horizon = addMonths(stichtag, 6);
  return ids
    .filter((_, index) => {
      const { erlaubnis, naechsteAenderungAm } = zugang.data![`p${index}`]!.arbeitsmarktzugang;
      return erlaubnis !== 'VERBOTEN' || (naechsteAenderungAm !== null && naechsteAenderungAm <= horizon);
    })
    .sort();
}

interface Kandidaten {
  ansprachekandidaten: {
    edges: { cursor: string; node: { person: { id: string }; kriterium: { staatsangehoerigkeit: string } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

async function allCandidates(stichtag: string, options: { nachQualifikation?: boolean; first?: number } = {}) {
  const nodes: Kandidaten['ansprachekandidaten']['edges'][number]['node'][] = [];
  let after: string | null = null;
  for (let page = 0; page < 200; page += 1) {
    const response: { data?: Kandidaten | null; errors?: readonly unknown[] } = await system.query<Kandidaten>(
      `query Ansprache($s: Date!, $q: Boolean, $first: Int, $after: String) { ansprachekandidaten(stichtag: $s, nachQualifikation: $q, first: $first, after: $after) {
        edges { cursor node { person { id } kriterium { staatsangehoerigkeit } } } pageInfo { hasNextPage endCursor } } }`,
      { s: stichtag, q: options.nachQualifikation ?? false, first: options.first ?? 4, after },
      FACHKRAFT,
    );
    expect(response.errors).toBeUndefined();
    nodes.push(...response.data!.ansprachekandidaten.edges.map((edge) => edge.node));
    if (!response.data!.ansprachekandidaten.pageInfo.hasNextPage) return nodes;
    after = response.data!.ansprachekandidaten.pageInfo.endCursor;
  }
  throw new Error('the list does not end');
}

const VOR = '2016-07-15';
const NACH = '2016-08-15';

describe('Bleibeperspektive criteria and the outreach list', () => {
  it('lets only a team lead change the criteria, keeps periods apart and the history whole', async () => {
    const kriterien = await system.query<{
      bleibeperspektiveKriterien: { id: string; staatsangehoerigkeit: string }[];
    }>(`{ bleibeperspektiveKriterien(stichtag: "${VOR}") { id staatsangehoerigkeit } }`, {}, JOBCENTER);
    expect(kriterien.data!.bleibeperspektiveKriterien.map((k) => k.staatsangehoerigkeit)).toEqual([
      'ER',
      'IQ',
      'IR',
      'SY',
    ]);
    const iran = kriterien.data!.bleibeperspektiveKriterien.find((k) => k.staatsangehoerigkeit === 'IR')!;
    const BEENDEN = `mutation($id: ID!, $bis: Date!) { bleibeperspektiveKriteriumBeenden(kriteriumId: $id, gueltigBis: $bis) { gueltigBis beendetVon } }`;
    expect(codeOf(await system.query(BEENDEN, { id: iran.id, bis: '2016-07-31' }, FACHKRAFT))?.['code']).toBe(
      'FORBIDDEN',
    );
    const beendet = await system.query<{ bleibeperspektiveKriteriumBeenden: unknown }>(
      BEENDEN,
      { id: iran.id, bis: '2016-07-31' },
      TEAMLEITUNG,
    );
    expect(beendet.data?.bleibeperspektiveKriteriumBeenden).toEqual({
      gueltigBis: '2016-07-31',
      beendetVon: 'agentur-teamleitung',
    });
    expect((await system.query(BEENDEN, { id: iran.id, bis: '2016-07-31' }, TEAMLEITUNG)).errors).toBeUndefined();
    expect(codeOf(await system.query(BEENDEN, { id: iran.id, bis: '2016-09-30' }, TEAMLEITUNG))).toMatchObject({
      code: 'BAD_USER_INPUT',
      grund: 'KRITERIUM_BEENDET',
    });

    const FESTLEGEN = `mutation($land: String!, $ab: Date!) { bleibeperspektiveKriteriumFestlegen(staatsangehoerigkeit: $land, gueltigAb: $ab, quelle: "Abstimmung der Partner") { staatsangehoerigkeit gueltigAb } }`;
    expect(codeOf(await system.query(FESTLEGEN, { land: 'SY', ab: '2016-09-01' }, TEAMLEITUNG))).toMatchObject({
      code: 'BAD_USER_INPUT',
      grund: 'KRITERIUM_UEBERSCHNEIDUNG',
    });
    expect(codeOf(await system.query(FESTLEGEN, { land: 'S1', ab: '2016-09-01' }, TEAMLEITUNG))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'staatsangehoerigkeit',
    });
    const nachher = await system.query<{ bleibeperspektiveKriterien: { staatsangehoerigkeit: string }[] }>(
      `{ bleibeperspektiveKriterien(stichtag: "${NACH}") { staatsangehoerigkeit } }`,
      {},
      FACHKRAFT,
    );
    expect(nachher.data!.bleibeperspektiveKriterien.map((k) => k.staatsangehoerigkeit)).toEqual([
      'ER',
      'IQ',
      'SO',
      'SY',
    ]);
    const verlauf = await system.query<{
      bleibeperspektiveKriterienVerlauf: { staatsangehoerigkeit: string; gueltigBis: string | null }[];
    }>(`{ bleibeperspektiveKriterienVerlauf { staatsangehoerigkeit gueltigBis } }`, {}, FACHKRAFT);
    expect(verlauf.data!.bleibeperspektiveKriterienVerlauf).toContainEqual({
      staatsangehoerigkeit: 'IR',
      gueltigBis: '2016-07-31',
    });
    expect(verlauf.data!.bleibeperspektiveKriterienVerlauf).toHaveLength(5);
  });

  it("shows the list to every partner, but who entered it and the history to the Agentur's staff only", async () => {
    const liste = await system.query<{
      bleibeperspektiveKriterien: { staatsangehoerigkeit: string; festgelegtVon: string | null }[];
    }>(`{ bleibeperspektiveKriterien(stichtag: "${VOR}") { staatsangehoerigkeit festgelegtVon } }`, {}, JOBCENTER);
    expect(liste.data!.bleibeperspektiveKriterien.map((k) => k.staatsangehoerigkeit)).toEqual(['ER', 'IQ', 'IR', 'SY']);
    expect(liste.data!.bleibeperspektiveKriterien.every((k) => k.festgelegtVon === null)).toBe(true);
    expect(new Set(liste.errors?.map((error) => error.extensions?.['code']))).toEqual(new Set(['FORBIDDEN']));
    const eigene = await system.query<{ bleibeperspektiveKriterien: { festgelegtVon: string | null }[] }>(
      `{ bleibeperspektiveKriterien(stichtag: "${VOR}") { festgelegtVon } }`,
      {},
      EINGANG,
    );
    expect(eigene.errors).toBeUndefined();
    expect(eigene.data!.bleibeperspektiveKriterien.every((k) => typeof k.festgelegtVon === 'string')).toBe(true);
    expect(
      codeOf(await system.query(`{ bleibeperspektiveKriterienVerlauf { staatsangehoerigkeit } }`, {}, JOBCENTER))?.[
        'code'
      ],
    ).toBe('FORBIDDEN');
  });

  it.each([
    ['2015-12-01', ['ER', 'IQ', 'IR', 'SY']],
    [VOR, ['ER', 'IQ', 'IR', 'SY']],
    [NACH, ['ER', 'IQ', 'SO', 'SY']],
  ])(
    'lists on %s exactly the released, unknown persons of %j with access not excluded',
    async (stichtag, nationalities) => {
      const expected = await expectedCandidates(stichtag, nationalities);
      expect(expected.length).toBeGreaterThan(3);
      const nodes = await allCandidates(stichtag);
      expect(nodes.map((node) => node.person.id)).toEqual(expected);
      const nationalityOf = new Map(
        system.population.persons.map((person) => [person.id, person.staatsangehoerigkeit]),
      );
      for (const node of nodes) expect(node.kriterium.staatsangehoerigkeit).toBe(nationalityOf.get(node.person.id));
    },
  );

  it('lists adults still obliged to live in a reception centre: the ban ends on a known day (§ 61 Abs. 1, § 47 Abs. 1 AsylG)', async () => {
    const listed = new Set((await allCandidates('2015-12-01', { first: 50 })).map((node) => node.person.id));
    const obliged = system.population.persons.filter(
      (person) => person.wohnpflichtErstaufnahme && person.rolle !== 'KIND' && listed.has(person.id),
    );
    expect(obliged.length).toBeGreaterThan(0);
  });

  it('differs between the two Stichtage by the criteria change: Iran before, not after', async () => {
    const before = (await allCandidates(VOR)).map((node) => node.kriterium.staatsangehoerigkeit);
    const after = (await allCandidates(NACH)).map((node) => node.kriterium.staatsangehoerigkeit);
    expect(before).toContain('IR');
    expect(after).not.toContain('IR');
  });

  it('orders by qualification when asked, with the same persons', async () => {
    const byId = (await allCandidates(NACH)).map((node) => node.person.id);
    const byQualification = (await allCandidates(NACH, { nachQualifikation: true, first: 3 })).map(
      (node) => node.person.id,
    );
    expect([...byQualification].sort()).toEqual(byId);
    const rank = { STUDIUM: 1, BERUFSAUSBILDUNG: 2, BERUFSERFAHRUNG: 3, KEINE: 4 } as Record<string, number>;
    const qualifikation = new Map(system.population.persons.map((person) => [person.id, rank[person.qualifikation]!]));
    const ranks = byQualification.map((id) => qualifikation.get(id)!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBeGreaterThan(1);
  });

  it("is the Agentur staff's list, and the Ausländerbehörde logs what it released for it", async () => {
    expect(codeOf(await system.query(`{ ansprachekandidaten { edges { cursor } } }`, {}, JOBCENTER))?.['code']).toBe(
      'FORBIDDEN',
    );
    const [first] = await allCandidates(NACH);
    const log = await system.databases.auslaenderbehoerde
      .selectFrom('zugriffsprotokoll')
      .select(['kategorie', 'entscheidung', 'operation'])
      .where('personId', '=', first!.person.id)
      .where('anfragendeBehoerde', '=', 'agentur')
      .where('operation', 'like', 'AgenturAnsprachekandidaten%')
      .execute();
    expect(new Set(log.map((entry) => `${entry.kategorie}:${entry.entscheidung}`))).toEqual(
      new Set(['identitaet:FREIGEGEBEN', 'aufenthalt:FREIGEGEBEN', 'arbeitsmarktzugang:FREIGEGEBEN']),
    );
  });
});

const EROEFFNEN = `mutation Eroeffnen($e: FallEroeffnenInput!) { fallEroeffnen(eingabe: $e) { id status kundennummer zugangsweg eroeffnetAm } }`;
type Eroeffnet = {
  fallEroeffnen: { id: string; status: string; kundennummer: string; zugangsweg: string; eroeffnetAm: string };
};
let kundennummer = 100;
const nextKundennummer = () => `962D${String((kundennummer += 1)).padStart(6, '0')}`;

async function fachkraftId(integrationPoint = 'Integration Point Dortmund'): Promise<string> {
  const response = await system.query<{ integrationsfachkraefte: { id: string }[] }>(
    `query($p: String) { integrationsfachkraefte(integrationPoint: $p) { id } }`,
    { p: integrationPoint },
    FACHKRAFT,
  );
  return response.data!.integrationsfachkraefte[0]!.id;
}

async function eroeffnen(personId: string, eroeffnetAm: string, overrides: Record<string, unknown> = {}) {
  const eingabe = {
    personId,
    kundennummer: nextKundennummer(),
    eroeffnetAm,
    integrationsfachkraftId: await fachkraftId(),
    zugangsweg: 'INITIATIVANSPRACHE',
    ...overrides,
  };
  return { eingabe, response: await system.query<Eroeffnet>(EROEFFNEN, { e: eingabe }, EINGANG) };
}

describe('intake', () => {
  it('opens a case for a person from the outreach list, answers a retry with the same case, and the list forgets the person', async () => {
    const [kandidat] = await allCandidates(NACH);
    const { eingabe, response } = await eroeffnen(kandidat!.person.id, '2016-08-16');
    expect(response.data?.fallEroeffnen).toMatchObject({
      status: 'AKTIV',
      zugangsweg: 'INITIATIVANSPRACHE',
      eroeffnetAm: '2016-08-16',
    });
    const retry = await system.query<Eroeffnet>(EROEFFNEN, { e: eingabe }, EINGANG);
    expect(retry.data?.fallEroeffnen.id).toBe(response.data!.fallEroeffnen.id);
    const second = await system.query(EROEFFNEN, { e: { ...eingabe, kundennummer: nextKundennummer() } }, EINGANG);
    expect(codeOf(second)).toMatchObject({
      code: 'BAD_USER_INPUT',
      grund: 'FALL_BEREITS_AKTIV',
      fallId: response.data!.fallEroeffnen.id,
    });
    expect((await allCandidates(NACH)).map((node) => node.person.id)).not.toContain(kandidat!.person.id);
  });

  it('refuses customers of the regular organisation', async () => {
    const bestand = await agenturDb
      .selectFrom('regelkunde')
      .select('personId')
      .where('personId', 'not in', agenturDb.selectFrom('fall').select('personId').where('status', '=', 'AKTIV'))
      .executeTakeFirstOrThrow();
    const { response } = await eroeffnen(bestand.personId, '2016-08-16');
    expect(codeOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', grund: 'BESTANDSKUNDE' });
    expect(response.data).toBeNull();
  });

  it('lets a team lead take a customer of the regular organisation in with a reason the case keeps (Rahmenkonzept §3: "nicht empfohlen")', async () => {
    const bestand = await agenturDb
      .selectFrom('regelkunde')
      .select(['personId', 'kundennummer'])
      .where('personId', 'not in', agenturDb.selectFrom('fall').select('personId'))
      .executeTakeFirstOrThrow();
    const grund = 'Spricht kaum Deutsch, die Regelberatung kommt nicht voran; Übernahme mit dem Team abgestimmt.';
    const eingabe = {
      personId: bestand.personId,
      kundennummer: bestand.kundennummer,
      eroeffnetAm: '2016-08-16',
      integrationsfachkraftId: await fachkraftId(),
      zugangsweg: 'FREIER_ZUGANG',
    };
    const UEBERNEHMEN = `mutation($e: FallEroeffnenInput!) { fallEroeffnen(eingabe: $e) { id status bestandskundeBegruendung bestandskundeZugelassenVon verlauf { art notiz } } }`;
    expect(
      codeOf(await system.query(UEBERNEHMEN, { e: { ...eingabe, bestandskundeBegruendung: grund } }, FACHKRAFT)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', grund: 'BESTANDSKUNDE' });
    expect(
      codeOf(await system.query(UEBERNEHMEN, { e: { ...eingabe, bestandskundeBegruendung: grund } }, EINGANG)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', grund: 'BESTANDSKUNDE' });
    expect(codeOf(await system.query(UEBERNEHMEN, { e: eingabe }, TEAMLEITUNG))).toMatchObject({
      code: 'BAD_USER_INPUT',
      grund: 'BESTANDSKUNDE',
    });
    expect(
      codeOf(await system.query(UEBERNEHMEN, { e: { ...eingabe, bestandskundeBegruendung: '   ' } }, TEAMLEITUNG)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eingabe.bestandskundeBegruendung' });
    const response = await system.query<{
      fallEroeffnen: {
        status: string;
        bestandskundeBegruendung: string;
        bestandskundeZugelassenVon: string;
        verlauf: { art: string; notiz: string }[];
      };
    }>(UEBERNEHMEN, { e: { ...eingabe, bestandskundeBegruendung: grund } }, TEAMLEITUNG);
    expect(response.errors).toBeUndefined();
    expect(response.data!.fallEroeffnen).toMatchObject({
      status: 'AKTIV',
      bestandskundeBegruendung: grund,
      bestandskundeZugelassenVon: 'agentur-teamleitung',
    });
    expect(response.data!.fallEroeffnen.verlauf).toEqual([{ art: 'EROEFFNET', notiz: expect.stringContaining(grund) }]);
  });

  it('refuses a reason for a person who is no customer of the regular organisation', async () => {
    const [kandidat] = await allCandidates(NACH);
    const eingabe = {
      personId: kandidat!.person.id,
      kundennummer: nextKundennummer(),
      eroeffnetAm: '2016-08-16',
      integrationsfachkraftId: await fachkraftId(),
      zugangsweg: 'INITIATIVANSPRACHE',
      bestandskundeBegruendung: 'ohne Anlass',
    };
    expect(codeOf(await system.query(EROEFFNEN, { e: eingabe }, TEAMLEITUNG))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'eingabe.bestandskundeBegruendung',
    });
  });

  it.each([
    [
      'a malformed customer number',
      { kundennummer: '962-104857' },
      { code: 'BAD_USER_INPUT', field: 'eingabe.kundennummer' },
    ],
    [
      'an opening in the future',
      { eroeffnetAm: '2099-01-01' },
      { code: 'BAD_USER_INPUT', field: 'eingabe.eroeffnetAm' },
    ],
    [
      'an unknown specialist',
      { integrationsfachkraftId: randomUUID() },
      { code: 'BAD_USER_INPUT', field: 'eingabe.integrationsfachkraftId' },
    ],
    ['a person reference that is no UUID', { personId: 'abc' }, { code: 'BAD_USER_INPUT', field: 'eingabe.personId' }],
    [
      'a declaration the Agentur has not recorded',
      { einwilligungId: randomUUID() },
      { code: 'BAD_USER_INPUT', grund: 'EINWILLIGUNG_UNBEKANNT' },
    ],
  ])('refuses %s', async (_, overrides, extensions) => {
    const { response } = await eroeffnen(randomUUID(), '2016-08-16', overrides);
    expect(codeOf(response)).toMatchObject(extensions);
  });

  it('refuses a customer number another case holds, and the Jobcenter', async () => {
    const taken = await agenturDb.selectFrom('fall').select('kundennummer').executeTakeFirstOrThrow();
    expect(
      codeOf((await eroeffnen(randomUUID(), '2016-08-16', { kundennummer: taken.kundennummer })).response),
    ).toMatchObject({ grund: 'KUNDENNUMMER_VERGEBEN' });
    const response = await system.query(
      EROEFFNEN,
      {
        e: {
          personId: randomUUID(),
          kundennummer: nextKundennummer(),
          eroeffnetAm: '2016-08-16',
          integrationsfachkraftId: await fachkraftId(),
          zugangsweg: 'FREIER_ZUGANG',
        },
      },
      JOBCENTER,
    );
    expect(codeOf(response)?.['code']).toBe('FORBIDDEN');
  });
});

describe('intake on a declaration, after an earlier case, and under load', () => {
  it('refuses a declaration not in force on the intake day or withdrawn since', async () => {
    const personId = randomUUID();
    const RECORD = `mutation($e: EinwilligungserklaerungInput!) { einwilligungErfassenAgentur(erklaerung: $e) { id } }`;
    const erklaerung = (unterschriebenAm: string) => ({
      ...ERKLAERT,
      id: randomUUID(),
      personId,
      unterschriebenAm,
      freigaben: [{ von: 'AGENTUR', an: 'JOBCENTER', kategorien: ['FALL'] }],
    });
    const spaeter = erklaerung('2016-08-20');
    const widerrufen = erklaerung('2016-08-01');
    for (const e of [spaeter, widerrufen]) expect((await system.query(RECORD, { e }, EINGANG)).errors).toBeUndefined();
    expect(
      (
        await system.query(
          `mutation($id: ID!) { einwilligungWiderrufenAgentur(erklaerungId: $id) { id } }`,
          { id: widerrufen.id },
          EINGANG,
        )
      ).errors,
    ).toBeUndefined();
    for (const e of [spaeter, widerrufen]) {
      expect(codeOf((await eroeffnen(personId, '2016-08-16', { einwilligungId: e.id })).response)).toMatchObject({
        grund: 'EINWILLIGUNG_NICHT_WIRKSAM',
        field: 'eingabe.einwilligungId',
      });
    }
    const wirksam = erklaerung('2016-08-16');
    expect((await system.query(RECORD, { e: wirksam }, EINGANG)).errors).toBeUndefined();
    expect((await eroeffnen(personId, '2016-08-16', { einwilligungId: wirksam.id })).response.errors).toBeUndefined();
  });

  it('opens a new case for a returning customer under the same number, only after the earlier case ended', async () => {
    const personId = randomUUID();
    const { eingabe, response } = await eroeffnen(personId, '2016-01-04');
    const ABSCHLIESSEN = `mutation($f: ID!) { fallAbschliessen(fallId: $f, am: "2016-05-02", grund: WEGZUG) { status } }`;
    expect(
      (await system.query(ABSCHLIESSEN, { f: response.data!.fallEroeffnen.id }, FACHKRAFT)).errors,
    ).toBeUndefined();
    const { kundennummer } = eingabe;
    expect(codeOf((await eroeffnen(personId, '2016-04-01', { kundennummer })).response)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'eingabe.eroeffnetAm',
    });
    expect(codeOf((await eroeffnen(personId, '2016-09-01')).response)).toMatchObject({
      grund: 'KUNDENNUMMER_DER_PERSON',
      field: 'eingabe.kundennummer',
    });
    expect(codeOf((await eroeffnen(randomUUID(), '2016-09-01', { kundennummer })).response)).toMatchObject({
      grund: 'KUNDENNUMMER_VERGEBEN',
      field: 'eingabe.kundennummer',
    });
    const zweiter = await eroeffnen(personId, '2016-09-01', { kundennummer });
    expect(zweiter.response.data?.fallEroeffnen).toMatchObject({
      kundennummer,
      eroeffnetAm: '2016-09-01',
      status: 'AKTIV',
    });
  });

  it('lets exactly one of several simultaneous intakes with one customer number through', async () => {
    const nummer = nextKundennummer();
    const antworten = await Promise.all(
      Array.from({ length: 4 }, () => eroeffnen(randomUUID(), '2016-08-16', { kundennummer: nummer })),
    );
    const codes = antworten.map(({ response }) => (response.errors ? codeOf(response)?.['grund'] : 'ERÖFFNET'));
    expect(codes.toSorted()).toEqual([
      'ERÖFFNET',
      'KUNDENNUMMER_VERGEBEN',
      'KUNDENNUMMER_VERGEBEN',
      'KUNDENNUMMER_VERGEBEN',
    ]);
  });
});

const SPRACHKURS = `mutation($f: ID!, $e: SprachkursInput!) { sprachkursErfassen(fallId: $f, eingabe: $e) { id art status } }`;

describe("courses under § 421 SGB III, checked with the Ausländerbehörde's facts", () => {
  const person = (filter: (person: DemoPerson) => boolean) => {
    const found = system.population.persons.find(filter);
    expect(found, 'the population holds such a person').toBeDefined();
    return found!;
  };
  const adult = (p: DemoPerson) => p.geburtsdatum < '1997-01-01';

  it('records an entry course for an eligible nationality with a Gestattung entering in November 2015, refuses the rest with a reason', async () => {
    // Not known on the intake day: no active case, not a regular customer, no earlier case ending after it.
    const blocked = await agenturDb
      .selectFrom('fall')
      .select('personId')
      .where((eb) => eb.or([eb('status', '=', 'AKTIV'), eb('statusSeit', '>', '2015-11-02')]))
      .union(agenturDb.selectFrom('regelkunde').select('personId'))
      .execute();
    const known = new Set(blocked.map((row) => row.personId));
    const free = (p: DemoPerson) => adult(p) && !known.has(p.id);
    const berechtigt = person(
      (p) =>
        free(p) &&
        ['SY', 'ER', 'IQ', 'IR'].includes(p.staatsangehoerigkeit) &&
        statusOn(p, '2015-11-10') === 'AUFENTHALTSGESTATTUNG',
    );
    const afghane = person(
      (p) =>
        free(p) &&
        released(p) &&
        !['SY', 'ER', 'IQ', 'IR'].includes(p.staatsangehoerigkeit) &&
        statusOn(p, '2015-11-10') === 'AUFENTHALTSGESTATTUNG',
    );
    const ohneEinwilligung = person((p) => free(p) && !released(p) && p.id !== berechtigt.id && p.id !== afghane.id);
    const kurs = { art: 'EINSTIEGSKURS_421', niveau: 'A1', beginn: '2015-11-10', status: 'LAUFEND' };
    const fallVon = async (p: DemoPerson) =>
      (await eroeffnen(p.id, '2015-11-02', { zugangsweg: 'FREIER_ZUGANG' })).response.data!.fallEroeffnen.id;

    const ok = await system.query<{ sprachkursErfassen: { art: string } }>(
      SPRACHKURS,
      { f: await fallVon(berechtigt), e: kurs },
      FACHKRAFT,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.sprachkursErfassen.art).toBe('EINSTIEGSKURS_421');
    expect(codeOf(await system.query(SPRACHKURS, { f: await fallVon(afghane), e: kurs }, FACHKRAFT))).toMatchObject({
      grund: 'STAATSANGEHOERIGKEIT',
    });
    const unbekannt = (await eroeffnen(randomUUID(), '2015-11-02')).response.data!.fallEroeffnen.id;
    expect(codeOf(await system.query(SPRACHKURS, { f: unbekannt, e: kurs }, FACHKRAFT))).toMatchObject({
      grund: 'NACHWEIS_NICHT_FREIGEGEBEN',
    });
    // Without consent, § 18b AZR-Gesetz still lets the Ausländerbehörde release identity and status: the check runs.
    const fall = await fallVon(ohneEinwilligung);
    expect(
      codeOf(await system.query(SPRACHKURS, { f: fall, e: { ...kurs, beginn: '2016-01-04' } }, FACHKRAFT)),
    ).toMatchObject({ grund: 'EINTRITT_AUSSERHALB_ZEITRAUM' });
    const integrationskurs = await system.query(
      SPRACHKURS,
      { f: fall, e: { ...kurs, art: 'INTEGRATIONSKURS', beginn: '2016-01-04' } },
      FACHKRAFT,
    );
    expect(integrationskurs.errors).toBeUndefined();
  });
});

describe('§ 421 SGB III with a BüMA, and only for active cases', () => {
  it('takes a BüMA the specialist saw when the Ausländerbehörde records no status on the entry day', async () => {
    const known = await knownToAgentur();
    const ankunft = system.population.persons.find(
      (p) =>
        ['SY', 'ER', 'IQ', 'IR'].includes(p.staatsangehoerigkeit) &&
        !known.has(p.id) &&
        p.einreiseAm >= '2015-10-24' &&
        p.einreiseAm <= '2015-12-20' &&
        statusOn(p, addDays(p.einreiseAm, 1)) === undefined,
    );
    expect(ankunft, 'the population holds a person who arrived in the window and has not applied yet').toBeDefined();
    const beginn = addDays(ankunft!.einreiseAm, 1);
    const fall = (await eroeffnen(ankunft!.id, ankunft!.einreiseAm)).response.data!.fallEroeffnen.id;
    const kurs = { art: 'EINSTIEGSKURS_421', niveau: 'A1', beginn, status: 'LAUFEND' };
    const MIT_NACHWEIS = `mutation($f: ID!, $e: SprachkursInput!) { sprachkursErfassen(fallId: $f, eingabe: $e) { art nachweis } }`;
    expect(codeOf(await system.query(MIT_NACHWEIS, { f: fall, e: kurs }, FACHKRAFT))).toMatchObject({
      grund: 'BUEMA_NICHT_VORGELEGT',
    });
    const mitBuema = await system.query<{ sprachkursErfassen: unknown }>(
      MIT_NACHWEIS,
      { f: fall, e: { ...kurs, buemaVorgelegt: true } },
      FACHKRAFT,
    );
    expect(mitBuema.data?.sprachkursErfassen).toEqual({ art: 'EINSTIEGSKURS_421', nachweis: 'BUEMA' });
    const integrationskurs = { art: 'INTEGRATIONSKURS', niveau: 'A1', beginn, status: 'LAUFEND', buemaVorgelegt: true };
    expect(codeOf(await system.query(MIT_NACHWEIS, { f: fall, e: integrationskurs }, FACHKRAFT))).toMatchObject({
      field: 'eingabe.buemaVorgelegt',
    });
    const seeded = await agenturDb
      .selectFrom('sprachkurs')
      .select('nachweis')
      .where('art', '=', 'EINSTIEGSKURS_421')
      .distinct()
      .execute();
    expect(new Set(seeded.map((row) => row.nachweis))).toEqual(new Set(['AUFENTHALTSGESTATTUNG', 'BUEMA']));
  });

  it('asks the Ausländerbehörde nothing for a retry, an entry the case refuses, an ended case or an entry outside the window', async () => {
    const known = await knownToAgentur();
    const person = system.population.persons.find(
      (p) =>
        !known.has(p.id) && p.staatsangehoerigkeit === 'SY' && statusOn(p, '2015-11-10') === 'AUFENTHALTSGESTATTUNG',
    )!;
    const fall = (await eroeffnen(person.id, '2015-11-02')).response.data!.fallEroeffnen.id;
    const logged = async () =>
      (
        await system.databases.auslaenderbehoerde
          .selectFrom('zugriffsprotokoll')
          .select('personId')
          .where('personId', '=', person.id)
          .execute()
      ).length;
    const eintritt = { art: 'EINSTIEGSKURS_421', niveau: 'A1', beginn: '2015-11-03', status: 'LAUFEND' };
    expect((await system.query(SPRACHKURS, { f: fall, e: eintritt }, FACHKRAFT)).errors).toBeUndefined();
    const before = await logged();
    expect(before).toBeGreaterThan(0);
    expect((await system.query(SPRACHKURS, { f: fall, e: eintritt }, FACHKRAFT)).errors).toBeUndefined();
    expect(
      codeOf(await system.query(SPRACHKURS, { f: fall, e: { ...eintritt, niveau: 'A2' } }, FACHKRAFT)),
    ).toMatchObject({ grund: 'BEREITS_ERFASST' });
    expect(
      codeOf(await system.query(SPRACHKURS, { f: fall, e: { ...eintritt, beginn: '2015-11-01' } }, FACHKRAFT)),
    ).toMatchObject({ field: 'eingabe.beginn' });
    const kurs = { art: 'EINSTIEGSKURS_421', niveau: 'A1', beginn: '2016-01-04', status: 'LAUFEND' };
    expect(codeOf(await system.query(SPRACHKURS, { f: fall, e: kurs }, FACHKRAFT))).toMatchObject({
      grund: 'EINTRITT_AUSSERHALB_ZEITRAUM',
      field: 'eingabe.beginn',
    });
    expect(
      (
        await system.query(
          `mutation($f: ID!) { fallAbschliessen(fallId: $f, am: "2015-11-05", grund: WEGZUG) { status } }`,
          { f: fall },
          FACHKRAFT,
        )
      ).errors,
    ).toBeUndefined();
    expect(
      codeOf(await system.query(SPRACHKURS, { f: fall, e: { ...kurs, beginn: '2015-11-04' } }, FACHKRAFT)),
    ).toMatchObject({ grund: 'FALL_NICHT_AKTIV' });
    expect(await logged()).toBe(before);
  });
});

describe('courses and assessments in a case', () => {
  const STATUS = `mutation($k: ID!, $s: SprachkursStatus!, $ende: Date) { sprachkursStatusSetzen(sprachkursId: $k, status: $s, ende: $ende) { status ende } }`;

  it('moves a course only forward, with the days its status allows, and refuses another course under the same key', async () => {
    const fall = (await eroeffnen(randomUUID(), '2016-01-04')).response.data!.fallEroeffnen.id;
    const kurs = { art: 'INTEGRATIONSKURS', niveau: 'B1', beginn: '2016-02-01', status: 'ANGEMELDET' };
    expect(
      codeOf(await system.query(SPRACHKURS, { f: fall, e: { ...kurs, status: 'ABGESCHLOSSEN' } }, FACHKRAFT)),
    ).toMatchObject({ field: 'eingabe.ende' });
    expect(
      codeOf(
        await system.query(SPRACHKURS, { f: fall, e: { ...kurs, status: 'LAUFEND', beginn: '2099-01-04' } }, FACHKRAFT),
      ),
    ).toMatchObject({ field: 'eingabe.beginn' });
    const angemeldet = await system.query<{ sprachkursErfassen: { id: string } }>(
      SPRACHKURS,
      { f: fall, e: kurs },
      FACHKRAFT,
    );
    const id = angemeldet.data!.sprachkursErfassen.id;
    expect(
      (await system.query<{ sprachkursErfassen: { id: string } }>(SPRACHKURS, { f: fall, e: kurs }, FACHKRAFT)).data
        ?.sprachkursErfassen.id,
    ).toBe(id);
    expect(codeOf(await system.query(SPRACHKURS, { f: fall, e: { ...kurs, niveau: 'B2' } }, FACHKRAFT))).toMatchObject({
      grund: 'BEREITS_ERFASST',
      id,
    });

    expect(
      codeOf(await system.query(STATUS, { k: id, s: 'ABGESCHLOSSEN', ende: '2016-06-30' }, FACHKRAFT)),
    ).toMatchObject({ grund: 'STATUSWECHSEL_UNZULAESSIG' });
    expect((await system.query(STATUS, { k: id, s: 'LAUFEND' }, FACHKRAFT)).data).toEqual({
      sprachkursStatusSetzen: { status: 'LAUFEND', ende: null },
    });
    expect(codeOf(await system.query(STATUS, { k: id, s: 'ABGESCHLOSSEN' }, FACHKRAFT))).toMatchObject({
      field: 'ende',
    });
    expect((await system.query(STATUS, { k: id, s: 'ABGESCHLOSSEN', ende: '2016-06-30' }, FACHKRAFT)).data).toEqual({
      sprachkursStatusSetzen: { status: 'ABGESCHLOSSEN', ende: '2016-06-30' },
    });
    expect(
      (await system.query(STATUS, { k: id, s: 'ABGESCHLOSSEN', ende: '2016-06-30' }, FACHKRAFT)).errors,
    ).toBeUndefined();
    expect(codeOf(await system.query(STATUS, { k: id, s: 'ANGEMELDET' }, FACHKRAFT))).toMatchObject({
      grund: 'STATUSWECHSEL_UNZULAESSIG',
    });

    const kuenftig = {
      art: 'ESF_BAMF',
      niveau: 'B2',
      beginn: addDays(new Date().toISOString().slice(0, 10), 30),
      status: 'ANGEMELDET',
    };
    const registriert = (
      await system.query<{ sprachkursErfassen: { id: string } }>(SPRACHKURS, { f: fall, e: kuenftig }, FACHKRAFT)
    ).data!.sprachkursErfassen.id;
    expect((await system.query(STATUS, { k: registriert, s: 'ABGEBROCHEN' }, FACHKRAFT)).data).toEqual({
      sprachkursStatusSetzen: { status: 'ABGEBROCHEN', ende: null },
    });
  });

  it('after a change of legal sphere takes only the end of what was begun before (Rahmenkonzept §4), after other hand-overs nothing', async () => {
    const ERFASSEN = `mutation($f: ID!, $e: KompetenzfeststellungInput!) { kompetenzfeststellungErfassen(fallId: $f, eingabe: $e) { ende ergebnis } }`;
    const UEBERGEBEN = `mutation($f: ID!, $anlass: Uebergabeanlass!) { fallUebergeben(fallId: $f, uebergabe: { art: REGULAER, anlass: $anlass, am: "2016-04-01", uebernehmendeStelle: "Jobcenter Dortmund" }) { status } }`;
    const begonnen = async (anlass: string) => {
      const fall = (await eroeffnen(randomUUID(), '2016-01-04')).response.data!.fallEroeffnen.id;
      const laufend = await system.query<{ sprachkursErfassen: { id: string } }>(
        SPRACHKURS,
        { f: fall, e: { art: 'INTEGRATIONSKURS', niveau: 'B1', beginn: '2016-02-01', status: 'LAUFEND' } },
        FACHKRAFT,
      );
      const angemeldet = await system.query<{ sprachkursErfassen: { id: string } }>(
        SPRACHKURS,
        { f: fall, e: { art: 'ESF_BAMF', niveau: 'B1', beginn: '2016-05-02', status: 'ANGEMELDET' } },
        FACHKRAFT,
      );
      expect(
        (await system.query(ERFASSEN, { f: fall, e: { instrument: 'PERF', beginn: '2016-03-07' } }, FACHKRAFT)).errors,
      ).toBeUndefined();
      expect((await system.query(UEBERGEBEN, { f: fall, anlass }, FACHKRAFT)).errors).toBeUndefined();
      return { fall, laufend: laufend.data!.sprachkursErfassen.id, angemeldet: angemeldet.data!.sprachkursErfassen.id };
    };

    const wechsel = await begonnen('RECHTSKREISWECHSEL');
    expect(codeOf(await system.query(STATUS, { k: wechsel.angemeldet, s: 'LAUFEND' }, FACHKRAFT))).toMatchObject({
      grund: 'FALL_NICHT_AKTIV',
    });
    expect(
      codeOf(
        await system.query(
          ERFASSEN,
          { f: wechsel.fall, e: { instrument: 'PRAKTIKUM', beginn: '2016-03-14' } },
          FACHKRAFT,
        ),
      ),
    ).toMatchObject({ grund: 'FALL_NICHT_AKTIV' });
    expect(
      (await system.query(STATUS, { k: wechsel.laufend, s: 'ABGESCHLOSSEN', ende: '2016-07-29' }, FACHKRAFT)).data,
    ).toEqual({ sprachkursStatusSetzen: { status: 'ABGESCHLOSSEN', ende: '2016-07-29' } });
    const perf = await system.query(
      ERFASSEN,
      {
        f: wechsel.fall,
        e: { instrument: 'PERF', beginn: '2016-03-07', ende: '2016-05-27', ergebnis: 'Lagerlogistik' },
      },
      FACHKRAFT,
    );
    expect(perf.data).toEqual({ kompetenzfeststellungErfassen: { ende: '2016-05-27', ergebnis: 'Lagerlogistik' } });

    const regulaer = await begonnen('HOECHSTVERWEILDAUER');
    expect(
      codeOf(await system.query(STATUS, { k: regulaer.laufend, s: 'ABGESCHLOSSEN', ende: '2016-07-29' }, FACHKRAFT)),
    ).toMatchObject({ grund: 'FALL_NICHT_AKTIV' });
    expect(
      codeOf(
        await system.query(
          ERFASSEN,
          { f: regulaer.fall, e: { instrument: 'PERF', beginn: '2016-03-07', ergebnis: 'Lagerlogistik' } },
          FACHKRAFT,
        ),
      ),
    ).toMatchObject({ grund: 'FALL_NICHT_AKTIV' });
  });

  it('adds the last day and result to an assessment later, and never overwrites them', async () => {
    const fall = (await eroeffnen(randomUUID(), '2016-01-04')).response.data!.fallEroeffnen.id;
    const ERFASSEN = `mutation($f: ID!, $e: KompetenzfeststellungInput!) { kompetenzfeststellungErfassen(fallId: $f, eingabe: $e) { id ende ergebnis } }`;
    type Erfasst = { kompetenzfeststellungErfassen: { id: string; ende: string | null; ergebnis: string | null } };
    const begonnen = await system.query<Erfasst>(
      ERFASSEN,
      { f: fall, e: { instrument: 'PERF', beginn: '2016-02-01' } },
      FACHKRAFT,
    );
    const { id } = begonnen.data!.kompetenzfeststellungErfassen;
    const ergebnis = {
      instrument: 'PERF',
      beginn: '2016-02-01',
      ende: '2016-03-11',
      ergebnis: 'Metallbau, Praktikumsplatz gefunden',
    };
    expect(
      (await system.query<Erfasst>(ERFASSEN, { f: fall, e: ergebnis }, FACHKRAFT)).data?.kompetenzfeststellungErfassen,
    ).toEqual({ id, ende: '2016-03-11', ergebnis: ergebnis.ergebnis });
    expect(
      (await system.query<Erfasst>(ERFASSEN, { f: fall, e: ergebnis }, FACHKRAFT)).data?.kompetenzfeststellungErfassen
        .id,
    ).toBe(id);
    expect(
      (await system.query<Erfasst>(ERFASSEN, { f: fall, e: { instrument: 'PERF', beginn: '2016-02-01' } }, FACHKRAFT))
        .data?.kompetenzfeststellungErfassen.ergebnis,
    ).toBe(ergebnis.ergebnis);
    expect(
      codeOf(await system.query(ERFASSEN, { f: fall, e: { ...ergebnis, ergebnis: 'abgebrochen' } }, FACHKRAFT)),
    ).toMatchObject({ grund: 'BEREITS_ERFASST', id });
  });
});

describe('hand-over and the maximum stay', () => {
  const UEBERGEBEN = `mutation($f: ID!, $u: UebergabeInput!) { fallUebergeben(fallId: $f, uebergabe: $u) { status statusSeit uebergabe { art anlass uebernehmendeFachkraft form kundeAnwesend } } }`;
  const warm = {
    art: 'WARM',
    anlass: 'HOECHSTVERWEILDAUER',
    am: '2016-03-01',
    uebernehmendeStelle: 'Arbeitsvermittlung Agentur für Arbeit Dortmund',
    uebernehmendeFachkraft: 'Frau Kaya',
    form: 'PERSOENLICH',
    kundeAnwesend: true,
  };

  it('hands a case over warmly, answers the retry unchanged, then keeps it read-only and the person out', async () => {
    const personId = randomUUID();
    const fall = (await eroeffnen(personId, '2015-09-01')).response.data!.fallEroeffnen.id;
    const { form: _, ...ohneForm } = warm;
    expect(codeOf(await system.query(UEBERGEBEN, { f: fall, u: ohneForm }, FACHKRAFT))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'uebergabe.form',
    });
    expect(
      codeOf(await system.query(UEBERGEBEN, { f: fall, u: { ...warm, am: '2015-08-31' } }, FACHKRAFT)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'uebergabe.am' });
    const done = await system.query<{ fallUebergeben: unknown }>(UEBERGEBEN, { f: fall, u: warm }, FACHKRAFT);
    expect(done.data?.fallUebergeben).toEqual({
      status: 'UEBERGEBEN',
      statusSeit: '2016-03-01',
      uebergabe: {
        art: 'WARM',
        anlass: 'HOECHSTVERWEILDAUER',
        uebernehmendeFachkraft: 'Frau Kaya',
        form: 'PERSOENLICH',
        kundeAnwesend: true,
      },
    });
    expect((await system.query(UEBERGEBEN, { f: fall, u: warm }, FACHKRAFT)).errors).toBeUndefined();
    expect(
      codeOf(await system.query(UEBERGEBEN, { f: fall, u: { ...warm, am: '2016-03-02' } }, FACHKRAFT)),
    ).toMatchObject({ grund: 'FALL_NICHT_AKTIV', status: 'UEBERGEBEN' });
    const kompetenz = await system.query(
      `mutation($f: ID!) { kompetenzfeststellungErfassen(fallId: $f, eingabe: { instrument: PROFILING, beginn: "2016-02-01" }) { id } }`,
      { f: fall },
      FACHKRAFT,
    );
    expect(codeOf(kompetenz)).toMatchObject({ code: 'BAD_USER_INPUT', grund: 'FALL_NICHT_AKTIV' });
    await expect(
      agenturDb.updateTable('fall').set({ status: 'AKTIV' }).where('id', '=', fall).execute(),
    ).rejects.toThrow(/read-only/);
    expect(codeOf((await eroeffnen(personId, '2016-03-05')).response)).toMatchObject({ grund: 'BESTANDSKUNDE' });
  });

  it('lists the active cases at or near six months, oldest first, with their state, page by page', async () => {
    const stichtag = '2016-03-20';
    const active = await agenturDb
      .selectFrom('fall')
      .select(['id', 'eroeffnetAm'])
      .where('status', '=', 'AKTIV')
      .where('eroeffnetAm', '<=', stichtag)
      .orderBy('eroeffnetAm')
      .orderBy('id')
      .execute();
    const expected = active
      .filter((fall) => addDays(addMonths(fall.eroeffnetAm, 6), -28) <= stichtag)
      .map((fall) => fall.id);
    expect(expected.length).toBeGreaterThan(5);
    const seen: { id: string; stand: string; endetAm: string; eroeffnetAm: string }[] = [];
    let after: string | null = null;
    let total: number;
    do {
      const response: Awaited<
        ReturnType<
          typeof system.query<{
            uebergabenFaellig: {
              totalCount: number;
              edges: {
                node: { fall: { id: string; eroeffnetAm: string }; verweildauer: { stand: string; endetAm: string } };
              }[];
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          }>
        >
      > = await system.query(
        `query($s: Date!, $after: String) { uebergabenFaellig(stichtag: $s, first: 5, after: $after) { totalCount edges { node { fall { id eroeffnetAm } verweildauer { stand endetAm } } } pageInfo { hasNextPage endCursor } } }`,
        { s: stichtag, after },
        TEAMLEITUNG,
      );
      expect(response.errors).toBeUndefined();
      total = response.data!.uebergabenFaellig.totalCount;
      seen.push(
        ...response.data!.uebergabenFaellig.edges.map(({ node }) => ({
          id: node.fall.id,
          eroeffnetAm: node.fall.eroeffnetAm,
          ...node.verweildauer,
        })),
      );
      after = response.data!.uebergabenFaellig.pageInfo.hasNextPage
        ? response.data!.uebergabenFaellig.pageInfo.endCursor
        : null;
    } while (after);
    expect(seen.map((entry) => entry.id)).toEqual(expected);
    expect(total).toBe(expected.length);
    for (const entry of seen) {
      expect(entry.endetAm).toBe(addMonths(entry.eroeffnetAm, 6));
      expect(entry.stand).toBe(entry.endetAm <= stichtag ? 'ERREICHT' : 'ENDET_BALD');
    }
    expect(new Set(seen.map((entry) => entry.stand))).toEqual(new Set(['ERREICHT', 'ENDET_BALD']));
  });
});

describe('ended cases and forged cursors', () => {
  it('shows no maximum stay for a case that has ended, and refuses a cursor it did not issue', async () => {
    const fall = (await eroeffnen(randomUUID(), '2016-01-04')).response.data!.fallEroeffnen.id;
    const STAND = `query($f: ID!) { fall(id: $f) { hoechstverweildauer(stichtag: "2016-07-04") { stand } } }`;
    expect((await system.query(STAND, { f: fall }, FACHKRAFT)).data).toEqual({
      fall: { hoechstverweildauer: { stand: 'ERREICHT' } },
    });
    expect(
      (
        await system.query(
          `mutation($f: ID!) { fallAbschliessen(fallId: $f, am: "2016-05-02", grund: ARBEITSAUFNAHME) { status } }`,
          { f: fall },
          FACHKRAFT,
        )
      ).errors,
    ).toBeUndefined();
    expect((await system.query(STAND, { f: fall }, FACHKRAFT)).data).toEqual({ fall: { hoechstverweildauer: null } });

    const FAELLIG = `query($a: String) { uebergabenFaellig(stichtag: "2016-03-20", first: 2, after: $a) { edges { cursor } } }`;
    for (const after of [
      encodeCursor('2015-13-45|' + randomUUID()),
      encodeCursor('2015-10-01|not-a-uuid'),
      encodeCursor('2015-10-01'),
      'bm9wZQ',
    ]) {
      expect(codeOf(await system.query(FAELLIG, { a: after }, TEAMLEITUNG)), after).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });
});

describe('caseload ("atmendes System")', () => {
  const POINT = 'Integration Point Testbezirk';
  const AUSLASTUNG = `query($s: Date!, $p: String) { auslastung(stichtag: $s, integrationPoint: $p) { integrationPoint fallzahl kapazitaet quote
    fachkraefte { integrationsfachkraft { name } fallzahl schluessel ueberSchluessel ueberSchluesselSeit nachhaltigUeberschritten abgabevorschlaege { id eroeffnetAm } } } }`;
  type Auslastung = {
    auslastung: {
      fallzahl: number;
      kapazitaet: number;
      fachkraefte: {
        fallzahl: number;
        ueberSchluessel: number;
        ueberSchluesselSeit: string | null;
        nachhaltigUeberschritten: boolean;
        abgabevorschlaege: { id: string; eroeffnetAm: string }[];
      }[];
    }[];
  };

  it('flags a specialist above the key for the agreed time and proposes the longest-running cases; a hand-back lowers the count', async () => {
    const id = randomUUID();
    await agenturDb
      .insertInto('integrationsfachkraft')
      .values({ id, name: 'Test Fachkraft', integrationPoint: POINT, agenturbezirk: 'Testbezirk' })
      .execute();
    const faelle: string[] = [];
    for (const day of ['2016-01-04', '2016-01-05', '2016-01-06', '2016-01-07', '2016-01-08']) {
      faelle.push(
        (await eroeffnen(randomUUID(), day, { integrationsfachkraftId: id })).response.data!.fallEroeffnen.id,
      );
    }
    const at = async (stichtag: string) =>
      (await system.query<Auslastung>(AUSLASTUNG, { s: stichtag, p: POINT }, TEAMLEITUNG)).data!.auslastung;

    const [point] = await at('2016-01-20');
    expect(point).toMatchObject({ fallzahl: 5, kapazitaet: 3 });
    expect(point!.fachkraefte[0]).toMatchObject({
      fallzahl: 5,
      ueberSchluessel: 2,
      ueberSchluesselSeit: '2016-01-07',
      nachhaltigUeberschritten: true,
    });
    expect(point!.fachkraefte[0]!.abgabevorschlaege.map((fall) => fall.id)).toEqual(faelle.slice(0, 2));

    expect((await at('2016-01-19'))[0]!.fachkraefte[0]).toMatchObject({
      ueberSchluesselSeit: '2016-01-07',
      nachhaltigUeberschritten: false,
      abgabevorschlaege: [],
    });

    const uebergabe = {
      art: 'REGULAER',
      anlass: 'BETREUUNGSSCHLUESSEL',
      am: '2016-01-21',
      uebernehmendeStelle: 'Arbeitsvermittlung Testbezirk',
    };
    const handed = await system.query(
      `mutation($f: ID!, $u: UebergabeInput!) { fallUebergeben(fallId: $f, uebergabe: $u) { status } }`,
      { f: faelle[0], u: uebergabe },
      FACHKRAFT,
    );
    expect(handed.errors).toBeUndefined();
    expect((await at('2016-01-22'))[0]!.fachkraefte[0]).toMatchObject({
      fallzahl: 4,
      ueberSchluessel: 1,
      ueberSchluesselSeit: '2016-01-07',
      nachhaltigUeberschritten: true,
    });
    expect((await at('2016-01-22'))[0]!.fachkraefte[0]!.abgabevorschlaege.map((fall) => fall.id)).toEqual([faelle[1]]);
    expect(codeOf(await system.query(AUSLASTUNG, { s: '2016-01-20', p: POINT }, JOBCENTER))?.['code']).toBe(
      'FORBIDDEN',
    );
  });
});

describe('appointments', () => {
  const VEREINBAREN = `mutation($e: TerminInput!) { terminVereinbaren(eingabe: $e) { id fallId sprache kanaele rechtsfolgenbelehrung smsOhneRechtsfolgenbelehrung kopieAn rechtsfolge { rechtskreis folgeBeiVersaeumnis } } }`;
  const datum = addDays(new Date().toISOString().slice(0, 10), 7);

  it('invites by letter, SMS and copy, flags an SMS without notice, refuses what cannot go, and groups the day by language', async () => {
    const integrationsfachkraftId = await fachkraftId();
    const base = { integrationsfachkraftId, datum, uhrzeit: '09:00', sprache: 'ar', kanaele: ['POST'] };
    const personen = [randomUUID(), randomUUID(), randomUUID()];
    const brief = await system.query<{
      terminVereinbaren: {
        id: string;
        smsOhneRechtsfolgenbelehrung: boolean;
        rechtsfolgenbelehrung: boolean;
        rechtsfolge: unknown;
      };
    }>(VEREINBAREN, { e: { ...base, personId: personen[0] } }, EINGANG);
    expect(brief.data?.terminVereinbaren).toMatchObject({
      smsOhneRechtsfolgenbelehrung: false,
      rechtsfolgenbelehrung: false,
      rechtsfolge: { rechtskreis: 'SGB_III', folgeBeiVersaeumnis: null },
    });
    const retry = await system.query<{ terminVereinbaren: { id: string } }>(
      VEREINBAREN,
      { e: { ...base, personId: personen[0] } },
      EINGANG,
    );
    expect(retry.data?.terminVereinbaren.id).toBe(brief.data!.terminVereinbaren.id);
    expect(
      codeOf(await system.query(VEREINBAREN, { e: { ...base, personId: personen[0], sprache: 'fa' } }, EINGANG)),
    ).toMatchObject({ grund: 'TERMIN_BELEGT' });

    const sms = await system.query<{ terminVereinbaren: { smsOhneRechtsfolgenbelehrung: boolean } }>(
      VEREINBAREN,
      { e: { ...base, personId: personen[1], uhrzeit: '08:30', kanaele: ['SMS'], rechtsfolgenbelehrung: false } },
      EINGANG,
    );
    expect(sms.data?.terminVereinbaren.smsOhneRechtsfolgenbelehrung).toBe(true);
    const kopie = await system.query(
      VEREINBAREN,
      {
        e: {
          ...base,
          personId: personen[2],
          sprache: 'ti',
          kanaele: ['POST', 'KOPIE_SOZIALDIENST'],
          kopieAn: 'Sozialdienst GU Dortmund-Hacheney',
        },
      },
      EINGANG,
    );
    expect(kopie.errors).toBeUndefined();

    // SGB III services are voluntary (Rahmenkonzept §4): no invitation, letter or SMS, carries a notice of legal consequences.
    for (const kanaele of [['SMS'], ['POST']]) {
      expect(
        codeOf(
          await system.query(
            VEREINBAREN,
            { e: { ...base, personId: randomUUID(), kanaele, rechtsfolgenbelehrung: true } },
            EINGANG,
          ),
        ),
      ).toMatchObject({ grund: 'KEINE_RECHTSFOLGE', field: 'eingabe.rechtsfolgenbelehrung' });
    }
    const regeln = await system.query<{
      einladungsrechtsfolgen: { rechtskreis: string; rechtsfolgenbelehrungMoeglich: boolean }[];
    }>(`{ einladungsrechtsfolgen { rechtskreis rechtsfolgenbelehrungMoeglich } }`, {}, EINGANG);
    expect(regeln.data?.einladungsrechtsfolgen).toEqual([
      { rechtskreis: 'SGB_III', rechtsfolgenbelehrungMoeglich: false },
      { rechtskreis: 'SGB_II', rechtsfolgenbelehrungMoeglich: true },
    ]);
    expect(
      codeOf(
        await system.query(
          VEREINBAREN,
          { e: { ...base, personId: randomUUID(), kanaele: ['POST', 'KOPIE_SOZIALDIENST'] } },
          EINGANG,
        ),
      ),
    ).toMatchObject({ grund: 'KOPIE_OHNE_EMPFAENGER' });
    expect(
      codeOf(await system.query(VEREINBAREN, { e: { ...base, personId: randomUUID(), uhrzeit: '9 Uhr' } }, EINGANG)),
    ).toMatchObject({ field: 'eingabe.uhrzeit' });
    expect(
      codeOf(await system.query(VEREINBAREN, { e: { ...base, personId: randomUUID(), datum: '2016-01-04' } }, EINGANG)),
    ).toMatchObject({ field: 'eingabe.datum' });
    const bestand = await agenturDb
      .selectFrom('regelkunde')
      .select('personId')
      .where('personId', 'not in', agenturDb.selectFrom('fall').select('personId').where('status', '=', 'AKTIV'))
      .executeTakeFirstOrThrow();
    expect(
      codeOf(
        await system.query(VEREINBAREN, { e: { ...base, personId: bestand.personId, uhrzeit: '11:00' } }, EINGANG),
      ),
    ).toMatchObject({ grund: 'BESTANDSKUNDE' });

    const tag = await system.query<{
      termineNachSprache: { sprache: string; anzahl: number; termine: { uhrzeit: string; person: { id: string } }[] }[];
    }>(
      `query($d: Date!) { termineNachSprache(datum: $d, integrationPoint: "Integration Point Dortmund") { sprache anzahl termine { uhrzeit person { id } } } }`,
      { d: datum },
      FACHKRAFT,
    );
    expect(tag.data?.termineNachSprache).toEqual([
      {
        sprache: 'ar',
        anzahl: 2,
        termine: [
          { uhrzeit: '08:30', person: { id: personen[1] } },
          { uhrzeit: '09:00', person: { id: personen[0] } },
        ],
      },
      { sprache: 'ti', anzahl: 1, termine: [{ uhrzeit: '09:00', person: { id: personen[2] } }] },
    ]);
  });
});
