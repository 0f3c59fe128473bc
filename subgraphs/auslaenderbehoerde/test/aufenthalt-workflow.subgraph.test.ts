import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays as addDaysIso, demoDeclaration, generatePopulation, type DemoPerson } from '@ip/kit/demo';
import { startSubgraphUnderTest, type SubgraphUnderTest } from '@ip/kit/testing';
import { prepareDatabase, startAuslaenderbehoerde, type AuslaenderbehoerdeDatabase } from '../src/server.ts';

const population = generatePopulation();
let abh: SubgraphUnderTest<AuslaenderbehoerdeDatabase>;

beforeAll(async () => {
  abh = await startSubgraphUnderTest({
    name: 'auslaenderbehoerde',
    prepareDatabase,
    start: startAuslaenderbehoerde,
    population,
    caller: { agency: 'auslaenderbehoerde', role: 'sachbearbeitung' },
  });
});
afterAll(async () => abh?.close());

const current = (person: DemoPerson) => person.statusverlauf.at(-1)!;
const ZUGANG = `query($id: ID!, $s: Date, $t: Taetigkeit) { person(id: $id) {
  arbeitsmarktzugang(stichtag: $s, taetigkeit: $t) { erlaubnis gruende { paragraph } naechsteAenderungAm }
  widersprueche(stichtag: $s) { nebenbestimmung erlaubnis }
  aufenthalt { aufenthaltSeit verlauf { art gueltigAb gueltigBis } } } }`;
type Zugang = {
  person: {
    arbeitsmarktzugang: {
      erlaubnis: string;
      gruende: { paragraph: string }[];
      naechsteAenderungAm: string | null;
    } | null;
    widersprueche: { nebenbestimmung: string; erlaubnis: string }[] | null;
    aufenthalt: { aufenthaltSeit: string; verlauf: { art: string; gueltigAb: string; gueltigBis: string | null }[] };
  };
};

describe('labour-market access from the stored facts', () => {
  it('shows every access class in the demo data on its reference date', async () => {
    // Nobody entered before 2012, and stays count uninterrupted from entry: no-approval work comes from training.
    const classes = new Set<string>();
    const employment = new Set<string>();
    let after: string | null = null;
    for (;;) {
      type Node = { arbeitsmarktzugang: { erlaubnis: string } | null; ausbildung: { erlaubnis: string } | null };
      const {
        body,
      }: {
        body: {
          data?: {
            personen: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Node }[] };
          } | null;
        };
      } = await abh.ask(
        `query($a: String) { personen(first: 100, after: $a) { pageInfo { hasNextPage endCursor } edges { node {
          arbeitsmarktzugang(stichtag: "2015-12-01") { erlaubnis } ausbildung: arbeitsmarktzugang(stichtag: "2015-12-01", taetigkeit: BETRIEBLICHE_AUSBILDUNG) { erlaubnis } } } } }`,
        { a: after },
      );
      for (const { node } of body.data!.personen.edges) {
        if (node.arbeitsmarktzugang) employment.add(node.arbeitsmarktzugang.erlaubnis);
        for (const zugang of [node.arbeitsmarktzugang, node.ausbildung]) if (zugang) classes.add(zugang.erlaubnis);
      }
      if (!body.data!.personen.pageInfo.hasNextPage) break;
      after = body.data!.personen.pageInfo.endCursor;
    }
    expect(classes).toEqual(
      new Set([
        'VERBOTEN',
        'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG',
        'ZUSTIMMUNG_BA_OHNE_VORRANGPRUEFUNG',
        'OHNE_ZUSTIMMUNG_BA',
        'KRAFT_GESETZES',
      ]),
    );
    expect(employment.has('OHNE_ZUSTIMMUNG_BA')).toBe(false);
  });

  it('flags a supplementary provision the ABH has not yet updated', async () => {
    const stale = population.persons.find(
      (person) =>
        current(person).art === 'AUFENTHALTSGESTATTUNG' &&
        current(person).nebenbestimmungen.includes('Erwerbstätigkeit nicht gestattet') &&
        person.einreiseAm < '2015-08-01' &&
        !['AL', 'XK', 'RS', 'ME', 'MK', 'BA'].includes(person.staatsangehoerigkeit),
    )!;
    const { body } = await abh.ask<Zugang>(ZUGANG, { id: stale.id, s: '2015-12-01' });
    expect(body.data?.person.arbeitsmarktzugang?.erlaubnis).not.toBe('VERBOTEN');
    expect(body.data?.person.widersprueche).toContainEqual(
      expect.objectContaining({ nebenbestimmung: 'Erwerbstätigkeit nicht gestattet' }),
    );
  });

  it('judges the priority check by the district of the place of work, not of the home (§ 32 Abs. 5 Nr. 3 BeschV from 6 Aug 2016)', async () => {
    // Lives in Dortmund, which kept the priority check; months 4 to 15 on the Stichtag; a job in view in Düsseldorf or in Dortmund.
    const dortmund = new Set(
      population.households
        .filter((household) => household.agenturbezirk === 'Dortmund')
        .map((household) => household.id),
    );
    const person = population.persons.find(
      (candidate) =>
        dortmund.has(candidate.haushaltId) &&
        current(candidate).art === 'AUFENTHALTSGESTATTUNG' &&
        candidate.einreiseAm >= '2015-08-01' &&
        candidate.asylantragAm !== null &&
        !['AL', 'XK', 'RS', 'ME', 'MK', 'BA'].includes(candidate.staatsangehoerigkeit),
    )!;
    const ask = async (arbeitsort: string | null) => {
      const { body } = await abh.ask<{
        person: { arbeitsmarktzugang: { erlaubnis: string; gruende: { paragraph: string }[] } };
      }>(
        `query($id: ID!, $o: String) { person(id: $id) { arbeitsmarktzugang(stichtag: "2016-09-01", agenturbezirkArbeitsort: $o) { erlaubnis gruende { paragraph } } } }`,
        { id: person.id, o: arbeitsort },
      );
      return body.data!.person.arbeitsmarktzugang;
    };
    expect(await ask('Düsseldorf')).toEqual({
      erlaubnis: 'ZUSTIMMUNG_BA_OHNE_VORRANGPRUEFUNG',
      gruende: [{ paragraph: '§ 32 Abs. 5 Nr. 3 BeschV' }],
    });
    expect((await ask('Dortmund')).erlaubnis).toBe('ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG');
    expect(await ask(null)).toEqual({
      erlaubnis: 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG',
      gruende: [{ paragraph: '§ 39 Abs. 2 AufenthG' }, { paragraph: '§ 32 Abs. 5 Nr. 3 BeschV' }],
    });
  });

  it('is released to other agencies only under consent: no law covers arbeitsmarktzugang', async () => {
    const without = population.persons.find((person) => demoDeclaration(person, population.referenceDate) === null)!;
    const { body } = await abh.ask(
      ZUGANG.replace(/aufenthalt \{[^}]*\{[^}]*\} \}/, ''),
      { id: without.id, s: '2015-12-01' },
      'agentur',
      'integrationsfachkraft',
    );
    expect(body.errors?.map((error) => error.extensions?.['kategorie'])).toEqual([
      'arbeitsmarktzugang',
      'arbeitsmarktzugang',
    ]);
  });
});

describe('recording residence status and facts', () => {
  const person = population.persons.find(
    (candidate) => current(candidate).art === 'AUFENTHALTSGESTATTUNG' && candidate.statusverlauf.length === 1,
  )!;
  const ERFASSEN = `mutation($p: ID!, $s: AufenthaltsstatusInput!) { aufenthaltsstatusErfassen(personId: $p, status: $s) { verlauf { art gueltigAb gueltigBis } } }`;

  it('closes the open period when a later status is recorded, and access follows it', async () => {
    const start = current(person).gueltigAb;
    const anerkannt = '2016-01-15';
    const { body } = await abh.ask<{
      aufenthaltsstatusErfassen: { verlauf: { art: string; gueltigAb: string; gueltigBis: string | null }[] };
    }>(ERFASSEN, {
      p: person.id,
      s: {
        art: 'AUFENTHALTSERLAUBNIS',
        rechtsgrundlage: '§ 25 Abs. 2 AufenthG',
        gueltigAb: anerkannt,
        nebenbestimmungen: ['Erwerbstätigkeit gestattet'],
      },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.aufenthaltsstatusErfassen.verlauf).toEqual([
      { art: 'AUFENTHALTSGESTATTUNG', gueltigAb: start, gueltigBis: '2016-01-14' },
      { art: 'AUFENTHALTSERLAUBNIS', gueltigAb: anerkannt, gueltigBis: null },
    ]);
    const after = await abh.ask<Zugang>(ZUGANG, { id: person.id, s: '2016-02-01' });
    expect(after.body.data?.person.arbeitsmarktzugang).toMatchObject({
      erlaubnis: 'KRAFT_GESETZES',
      gruende: [{ paragraph: '§ 25 Abs. 2 S. 2 AufenthG' }],
    });
  });

  it.each([
    ['a period ending before it starts', { gueltigAb: '2016-03-01', gueltigBis: '2016-02-01' }, 'status.gueltigBis'],
    ['a period overlapping a closed one', { gueltigAb: '2016-01-10', gueltigBis: '2016-01-20' }, 'status.gueltigAb'],
    ['a period starting before the open one', { gueltigAb: '2016-01-15' }, 'status.gueltigAb'],
  ])('refuses %s', async (_, dates, field) => {
    const { body } = await abh.ask(ERFASSEN, {
      p: person.id,
      s: { art: 'DULDUNG', rechtsgrundlage: '§ 60a Abs. 2 AufenthG', ...dates },
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('lets only the Ausländerbehörde record, and only known persons', async () => {
    const status = { art: 'DULDUNG', rechtsgrundlage: '§ 60a Abs. 2 AufenthG', gueltigAb: '2017-01-01' };
    expect(
      (await abh.ask(ERFASSEN, { p: person.id, s: status }, 'jobcenter', 'fallmanagement')).body.errors?.[0]
        ?.extensions?.['code'],
    ).toBe('FORBIDDEN');
    expect(
      (await abh.ask(ERFASSEN, { p: '00000000-0000-4000-8000-000000000000', s: status })).body.errors?.[0]
        ?.extensions?.['code'],
    ).toBe('NOT_FOUND');
  });

  it('records facts, refusing an unknown country code, and the ban follows the reception-centre obligation', async () => {
    const syrer = population.persons.find(
      (candidate) =>
        candidate.staatsangehoerigkeit === 'SY' &&
        current(candidate).art === 'AUFENTHALTSGESTATTUNG' &&
        candidate.einreiseAm < '2015-06-01',
    )!;
    const FAKTEN = `mutation($p: ID!, $f: AufenthaltsfaktenInput!) { aufenthaltsfaktenErfassen(personId: $p, fakten: $f) { wohnpflichtErstaufnahmeBis agenturbezirk } }`;
    const wrong = await abh.ask(FAKTEN, { p: syrer.id, f: { staatsangehoerigkeit: 'QQ' } });
    expect(wrong.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'fakten.staatsangehoerigkeit',
    });
    const unterbrochen = await abh.ask(FAKTEN, {
      p: syrer.id,
      f: { aufenthaltSeit: addDaysIso(syrer.einreiseAm, -1) },
    });
    expect(unterbrochen.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'fakten.aufenthaltSeit',
    });
    const ok = await abh.ask(FAKTEN, {
      p: syrer.id,
      f: { wohnpflichtErstaufnahmeBis: '2015-12-31', agenturbezirk: 'Münster' },
    });
    expect(ok.body.data).toEqual({
      aufenthaltsfaktenErfassen: { wohnpflichtErstaufnahmeBis: '2015-12-31', agenturbezirk: 'Münster' },
    });
    const vorAntrag = await abh.ask(FAKTEN, {
      p: syrer.id,
      f: { asylantragZurueckgenommenAm: addDaysIso(syrer.asylantragAm!, -1) },
    });
    expect(vorAntrag.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'fakten.asylantragZurueckgenommenAm',
    });
    const zugang = await abh.ask<Zugang>(ZUGANG, { id: syrer.id, s: '2015-12-15' });
    expect(zugang.body.data?.person.arbeitsmarktzugang).toMatchObject({
      erlaubnis: 'VERBOTEN',
      gruende: [{ paragraph: '§ 61 Abs. 1 AsylG' }],
    });
  });
});

describe('a withdrawn asylum application (§ 60a Abs. 6 S. 1 Nr. 3 AufenthG needs a rejected one)', () => {
  it('records the withdrawal and lifts the safe-country ban of a Duldung', async () => {
    const serbe = population.persons.find(
      (candidate) =>
        candidate.staatsangehoerigkeit === 'RS' &&
        current(candidate).art === 'DULDUNG' &&
        candidate.asylantragAm !== null &&
        candidate.asylantragAm > '2015-08-31',
    );
    const person = serbe ?? population.persons.find((candidate) => current(candidate).art === 'DULDUNG')!;
    const FAKTEN = `mutation($p: ID!, $f: AufenthaltsfaktenInput!) { aufenthaltsfaktenErfassen(personId: $p, fakten: $f) { asylantragAm asylantragZurueckgenommenAm } }`;
    // A Serbian application after 31 Aug 2015 (set here if the demo holds none) and a Duldung since the demo's status.
    const antrag = serbe ? serbe.asylantragAm! : '2015-09-10';
    await abh.ask(FAKTEN, { p: person.id, f: { staatsangehoerigkeit: 'RS', asylantragAm: antrag } });
    const vorher = await abh.ask<Zugang>(ZUGANG, { id: person.id, s: '2015-12-01' });
    expect(vorher.body.data?.person.arbeitsmarktzugang).toMatchObject({
      erlaubnis: 'VERBOTEN',
      gruende: [{ paragraph: '§ 60a Abs. 6 S. 1 Nr. 3 AufenthG' }],
    });
    const recorded = await abh.ask(FAKTEN, {
      p: person.id,
      f: { asylantragZurueckgenommenAm: addDaysIso(antrag, 20) },
    });
    expect(recorded.body.data).toEqual({
      aufenthaltsfaktenErfassen: { asylantragAm: antrag, asylantragZurueckgenommenAm: addDaysIso(antrag, 20) },
    });
    const nachher = await abh.ask<Zugang>(ZUGANG, { id: person.id, s: '2015-12-01' });
    expect(nachher.body.data?.person.arbeitsmarktzugang?.gruende[0]?.paragraph).not.toBe(
      '§ 60a Abs. 6 S. 1 Nr. 3 AufenthG',
    );
    const ohneAntrag = await abh.ask(FAKTEN, { p: person.id, f: { asylantragAm: null } });
    expect(ohneAntrag.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'fakten.asylantragAm',
    });
  });
});

describe('the calculator on hypothetical facts', () => {
  const PRUEFEN = `query($f: ArbeitsmarktFakten!, $s: Date!, $t: Taetigkeit) { arbeitsmarktzugangPruefen(fakten: $f, stichtag: $s, taetigkeit: $t) { erlaubnis gruende { paragraph text } naechsteAenderungAm } }`;
  const fakten = { aufenthaltsart: 'DULDUNG', staatsangehoerigkeit: 'AF', aufenthaltSeit: '2015-11-20' };

  it('answers for any authenticated user and stores nothing', async () => {
    const before = await abh.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const { body } = await abh.ask(
      PRUEFEN,
      { f: fakten, s: '2015-12-01', t: 'BETRIEBLICHE_AUSBILDUNG' },
      'familienkasse',
      'sachbearbeitung',
    );
    expect(body.data).toMatchObject({
      arbeitsmarktzugangPruefen: { erlaubnis: 'OHNE_ZUSTIMMUNG_BA', naechsteAenderungAm: null },
    });
    const after = await abh.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it.each([
    ['an invalid date', { f: fakten, s: '2015-02-30' }],
    ['a Stichtag before the modelled law', { f: fakten, s: '2014-01-01' }],
    ['an unknown country code', { f: { ...fakten, staatsangehoerigkeit: 'QQ' }, s: '2015-12-01' }],
  ])('refuses %s with BAD_USER_INPUT', async (_, variables) => {
    const { body } = await abh.ask(PRUEFEN, variables);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
