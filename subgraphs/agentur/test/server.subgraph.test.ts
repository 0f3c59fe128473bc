import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, ageOn, demoDeclaration, generatePopulation, maxDate, personById } from '@ip/kit/demo';
import { startSubgraphUnderTest, type SubgraphUnderTest } from '@ip/kit/testing';
import { findEreignisseByFallIds, findNewestFallByPersonIds } from '../src/db/fall.repository.ts';
import { findFachkraefteByIds } from '../src/db/stammdaten.repository.ts';
import { prepareDatabase, startAgentur, type AgenturDatabase } from '../src/server.ts';

const population = generatePopulation();
const persons = personById(population);
const householdOf = new Map(population.households.map((household) => [household.id, household]));
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const IP_CITIES = new Set(['Düsseldorf', 'Dortmund', 'Herford', 'Münster']);

let subject: SubgraphUnderTest<AgenturDatabase>;

beforeAll(async () => {
  subject = await startSubgraphUnderTest({
    name: 'agentur',
    prepareDatabase,
    start: startAgentur,
    population,
    caller: { agency: 'agentur', role: 'integrationsfachkraft' },
  });
});

afterAll(async () => {
  await subject?.close();
});

const ask: SubgraphUnderTest<AgenturDatabase>['ask'] = (...args) => subject.ask(...args);
const allCases = () => subject.db.selectFrom('fall').selectAll().orderBy('kundennummer').execute();
const isSgb3Customer = (art: string) => art === 'AUFENTHALTSGESTATTUNG' || art === 'DULDUNG';

describe('the demo slice', () => {
  it('holds at most one case per adult, opened at an Integration Point between its opening and the reference date', async () => {
    const cases = await allCases();
    expect(new Set(cases.map((fall) => fall.personId)).size).toBe(cases.length);
    expect(new Set(cases.map((fall) => fall.kundennummer)).size).toBe(cases.length);
    for (const fall of cases) {
      const person = persons.get(fall.personId)!;
      const age = ageOn(person.geburtsdatum, population.referenceDate);
      expect(age >= 18 && age <= 64, `${person.id} is ${age}`).toBe(true);
      expect(fall.kundennummer).toMatch(/^\d{3}[A-Z]\d{6}$/);
      expect(fall.eroeffnetAm >= maxDate('2015-09-01', person.asylantragAm ?? person.einreiseAm)).toBe(true);
      expect(fall.eroeffnetAm <= population.referenceDate).toBe(true);
    }
  });

  it('keeps cases of the asylum procedure and Duldung active unless work was found, and hands recognised persons over a few days after recognition', async () => {
    const cases = await allCases();
    for (const fall of cases) {
      const person = persons.get(fall.personId)!;
      if (isSgb3Customer(person.statusverlauf.at(-1)!.art)) {
        if (fall.status === 'ABGESCHLOSSEN') {
          expect(fall.abschlussgrund).toBe('ARBEITSAUFNAHME');
          expect(fall.statusSeit >= addDays(fall.eroeffnetAm, 14) && fall.statusSeit <= population.referenceDate).toBe(
            true,
          );
        } else expect(fall).toMatchObject({ status: 'AKTIV', statusSeit: fall.eroeffnetAm });
        continue;
      }
      const anerkanntAm = person.anerkanntAm!;
      expect(fall.eroeffnetAm < anerkanntAm).toBe(true);
      if (fall.status === 'UEBERGEBEN') {
        expect(fall.statusSeit >= addDays(anerkanntAm, 3) && fall.statusSeit <= addDays(anerkanntAm, 14)).toBe(true);
        expect(fall.statusSeit <= population.referenceDate).toBe(true);
      } else {
        // Only a hand-over still ahead on the reference date leaves a recognised person's case active.
        expect(fall.status).toBe('AKTIV');
        expect(addDays(anerkanntAm, 14) > population.referenceDate).toBe(true);
      }
    }
    expect(cases.filter((fall) => fall.status === 'UEBERGEBEN').length).toBeGreaterThan(0);
  });

  it('reaches three in four eligible adults from SY, ER, IQ and IR, about one in three from elsewhere', async () => {
    const withCase = new Set((await allCases()).map((fall) => fall.personId));
    const eligible = population.persons.filter((person) => {
      const age = ageOn(person.geburtsdatum, population.referenceDate);
      const from = maxDate('2015-09-01', person.asylantragAm ?? person.einreiseAm);
      return (
        age >= 18 && age <= 64 && isSgb3Customer(person.statusverlauf.at(-1)!.art) && from <= population.referenceDate
      );
    });
    const share = (group: typeof eligible) => group.filter((person) => withCase.has(person.id)).length / group.length;
    const high = eligible.filter((person) => ['SY', 'ER', 'IQ', 'IR'].includes(person.staatsangehoerigkeit));
    const other = eligible.filter((person) => !high.includes(person));
    expect(high.length).toBeGreaterThan(50);
    expect(other.length).toBeGreaterThan(50);
    expect(share(high)).toBeGreaterThan(0.6);
    expect(share(high)).toBeLessThan(0.9);
    expect(share(other)).toBeGreaterThan(0.15);
    expect(share(other)).toBeLessThan(0.45);
  });

  it('records the history of each case: opened on its first day, handed over on its status day', async () => {
    const cases = await allCases();
    const ereignisse = await findEreignisseByFallIds(subject.db, [...cases.map((fall) => fall.id), UNKNOWN_ID]);
    expect(new Set(ereignisse.map((ereignis) => ereignis.fallId))).toEqual(new Set(cases.map((fall) => fall.id)));
    for (const fall of cases) {
      const verlauf = ereignisse.filter((ereignis) => ereignis.fallId === fall.id).map(({ am, art }) => ({ am, art }));
      const expected = [{ am: fall.eroeffnetAm, art: 'EROEFFNET' }];
      if (fall.status !== 'AKTIV') expected.push({ am: fall.statusSeit, art: fall.status });
      expect(verlauf).toEqual(expected);
    }
  });

  it('has three specialists in each of the four Integration Points, each in charge of the districts it serves', async () => {
    const cases = await allCases();
    const ids = [...new Set(cases.map((fall) => fall.integrationsfachkraftId!))];
    const fachkraefte = await findFachkraefteByIds(subject.db, [...ids, UNKNOWN_ID]);
    expect(fachkraefte).toHaveLength(12);
    const perPoint = Object.fromEntries([...IP_CITIES].map((city) => [`Integration Point ${city}`, 3]));
    expect(
      fachkraefte.reduce<Record<string, number>>(
        (counts, { integrationPoint }) => ({ ...counts, [integrationPoint]: (counts[integrationPoint] ?? 0) + 1 }),
        {},
      ),
    ).toEqual(perPoint);
    const pointOf = new Map(fachkraefte.map((fachkraft) => [fachkraft.id, fachkraft.integrationPoint]));
    const pointsByDistrict = new Map<string, Set<string>>();
    for (const fall of cases) {
      const district = householdOf.get(persons.get(fall.personId)!.haushaltId)!.agenturbezirk;
      const point = pointOf.get(fall.integrationsfachkraftId!)!;
      if (IP_CITIES.has(district)) expect(point).toBe(`Integration Point ${district}`);
      pointsByDistrict.set(district, (pointsByDistrict.get(district) ?? new Set()).add(point));
    }
    expect([...pointsByDistrict.values()].every((points) => points.size === 1)).toBe(true);
  });

  it('finds the newest case per person in one statement, ignoring unknown ids', async () => {
    const [first, second] = await allCases();
    subject.statements.length = 0;
    const rows = await findNewestFallByPersonIds(subject.db, [second!.personId, UNKNOWN_ID, first!.personId]);
    expect(subject.statements).toHaveLength(1);
    expect(rows.map((row) => row.id).sort()).toEqual([first!.id, second!.id].sort());
  });
});

describe('GraphQL', () => {
  const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Person { id integrationPointFall { kundennummer eroeffnetAm status statusSeit integrationsfachkraft { name integrationPoint } verlauf { am art notiz } } } } }`;
  interface Entity {
    id: string;
    integrationPointFall: {
      kundennummer: string;
      eroeffnetAm: string;
      status: string;
      statusSeit: string;
      integrationsfachkraft: { name: string } | null;
      verlauf: { am: string; art: string; notiz: string | null }[];
    } | null;
  }

  it('resolves persons in key order, null for persons the Agentur does not know or ids that are no UUID', async () => {
    const cases = await allCases();
    const handedOver = cases.find((fall) => fall.status === 'UEBERGEBEN')!;
    const active = cases.find((fall) => fall.status === 'AKTIV')!;
    const child = population.persons.find((person) => ageOn(person.geburtsdatum, population.referenceDate) < 18)!;
    const [fachkraft] = await findFachkraefteByIds(subject.db, [handedOver.integrationsfachkraftId!]);
    const ids = [handedOver.personId, UNKNOWN_ID, active.personId, 'not-a-uuid', child.id];
    const { body } = await ask<{ _entities: Entity[] }>(ENTITIES, {
      representations: ids.map((id) => ({ __typename: 'Person', id })),
    });
    expect(body.errors).toBeUndefined();
    const entities = body.data!._entities;
    expect(entities.map((entity) => entity.id)).toEqual(ids);
    expect(entities.map((entity) => entity.integrationPointFall?.kundennummer ?? null)).toEqual([
      handedOver.kundennummer,
      null,
      active.kundennummer,
      null,
      null,
    ]);
    expect(entities[0]!.integrationPointFall).toMatchObject({
      eroeffnetAm: handedOver.eroeffnetAm,
      status: 'UEBERGEBEN',
      statusSeit: handedOver.statusSeit,
      integrationsfachkraft: { name: fachkraft!.name },
    });
    expect(entities[0]!.integrationPointFall!.verlauf.map((ereignis) => [ereignis.am, ereignis.art])).toEqual([
      [handedOver.eroeffnetAm, 'EROEFFNET'],
      [handedOver.statusSeit, 'UEBERGEBEN'],
    ]);
    expect(entities[0]!.integrationPointFall!.eroeffnetAm).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('loads cases, specialists and histories of every person with one statement each', async () => {
    const cases = await allCases();
    subject.statements.length = 0;
    const { body } = await ask<{ _entities: Entity[] }>(ENTITIES, {
      representations: population.persons.map((person) => ({ __typename: 'Person', id: person.id })),
    });
    expect(body.errors).toBeUndefined();
    expect(subject.statements).toHaveLength(3);
    expect(body.data!._entities.filter((entity) => entity.integrationPointFall).length).toBe(cases.length);
  });

  it('refuses the case to the Ausländerbehörde without consent and releases it with consent', async () => {
    const holders = (await allCases()).map((fall) => persons.get(fall.personId)!);
    const withConsent = holders.find(
      (person) => demoDeclaration(person, population.referenceDate)?.state === 'VOLLSTAENDIG',
    )!;
    const partial = holders.find((person) => demoDeclaration(person, population.referenceDate)?.state === 'TEILWEISE')!;
    const { body } = await ask<{ _entities: { integrationPointFall: unknown }[] }>(
      ENTITIES,
      { representations: [withConsent, partial].map((person) => ({ __typename: 'Person', id: person.id })) },
      'auslaenderbehoerde',
      'sachbearbeitung',
    );
    expect(body.data?._entities[0]?.integrationPointFall).not.toBeNull();
    expect(body.data?._entities[1]?.integrationPointFall).toBeNull();
    expect(body.errors?.map((error) => error.extensions?.['code'])).toEqual(['EINWILLIGUNG_FEHLT']);
  });
});

describe('the demo shows every state', () => {
  const values = async (table: 'fall' | 'fallUebergabe' | 'kompetenzfeststellung' | 'sprachkurs', column: string) =>
    new Set(
      (
        await subject.db
          .selectFrom(table)
          .select(`${column} as value` as never)
          .execute()
      ).map((row) => (row as unknown as { value: string }).value),
    );

  it('of cases, hand-overs, instruments and courses', async () => {
    expect(await values('fall', 'status')).toEqual(new Set(['AKTIV', 'UEBERGEBEN', 'ABGESCHLOSSEN']));
    expect(await values('fall', 'zugangsweg')).toEqual(new Set(['INITIATIVANSPRACHE', 'FREIER_ZUGANG']));
    expect(await values('fallUebergabe', 'art')).toEqual(new Set(['REGULAER', 'WARM']));
    expect(await values('kompetenzfeststellung', 'instrument')).toEqual(
      new Set(['KURZLEBENSLAUF', 'PROFILING', 'BPS', 'WERKSTATTARBEIT', 'PERF', 'PRAKTIKUM']),
    );
    expect(await values('sprachkurs', 'art')).toEqual(new Set(['EINSTIEGSKURS_421', 'INTEGRATIONSKURS', 'ESF_BAMF']));
    expect(await values('sprachkurs', 'status')).toEqual(new Set(['LAUFEND', 'ANGEMELDET', 'ABGEBROCHEN']));
  });

  it('of invitations: letters with notice, SMS without, copies to the social service, outreach without a case', async () => {
    const termine = await subject.db.selectFrom('termin').selectAll().execute();
    // SGB III invitations carry no notice of legal consequences (Rahmenkonzept §4: the services are voluntary).
    expect(termine.every((termin) => !termin.rechtsfolgenbelehrung)).toBe(true);
    expect(termine.some((termin) => termin.kanaele.join() === 'SMS' && !termin.rechtsfolgenbelehrung)).toBe(true);
    expect(termine.some((termin) => termin.kanaele.includes('KOPIE_SOZIALDIENST') && termin.kopieAn !== null)).toBe(
      true,
    );
    expect(termine.some((termin) => termin.fallId === null)).toBe(true);
    expect(new Set(termine.map((termin) => termin.sprache)).size).toBeGreaterThan(3);
  });

  it('of regular customers and criteria', async () => {
    expect((await subject.db.selectFrom('regelkunde').selectAll().execute()).length).toBeGreaterThan(0);
    const kriterien = await subject.db
      .selectFrom('bleibeperspektiveKriterium')
      .select(['staatsangehoerigkeit', 'gueltigAb'])
      .orderBy('staatsangehoerigkeit')
      .execute();
    expect(kriterien).toEqual([
      { staatsangehoerigkeit: 'ER', gueltigAb: '2015-10-24' },
      { staatsangehoerigkeit: 'IQ', gueltigAb: '2015-10-24' },
      { staatsangehoerigkeit: 'IR', gueltigAb: '2015-10-24' },
      { staatsangehoerigkeit: 'SO', gueltigAb: '2016-08-01' },
      { staatsangehoerigkeit: 'SY', gueltigAb: '2015-10-24' },
    ]);
  });

  it('keeps the criteria as a history: no delete, no rewrite, ending once', async () => {
    const { id } = await subject.db
      .selectFrom('bleibeperspektiveKriterium')
      .select('id')
      .where('staatsangehoerigkeit', '=', 'SO')
      .executeTakeFirstOrThrow();
    await expect(subject.db.deleteFrom('bleibeperspektiveKriterium').where('id', '=', id).execute()).rejects.toThrow(
      /not deleted/,
    );
    await expect(
      subject.db.updateTable('bleibeperspektiveKriterium').set({ quelle: 'anders' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/only be ended/);
  });
});
