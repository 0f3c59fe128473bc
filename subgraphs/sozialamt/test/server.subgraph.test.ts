import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDeclaration, generatePopulation, type DemoPerson } from '@ip/kit/demo';
import { createTestDatabase, startSubgraphUnderTest, type SubgraphUnderTest } from '@ip/kit/testing';
import { countZeitraeume } from '../src/db/leistungszeitraum.repository.ts';
import { demoLeistungszeitraeume } from '../src/demo-faelle.ts';
import { prepareDatabase, startSozialamt, type SozialamtDatabase } from '../src/server.ts';

const population = generatePopulation({ households: 60 });
let subject: SubgraphUnderTest<SozialamtDatabase>;

beforeAll(async () => {
  subject = await startSubgraphUnderTest({
    name: 'sozialamt',
    prepareDatabase,
    start: startSozialamt,
    population,
    caller: { agency: 'sozialamt', role: 'sachbearbeitung' },
  });
});
afterAll(async () => subject?.close());

const LEISTUNGEN = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person {
  asylbewerberleistungen { ab bis leistungsart rechtsgrundlage fassung endeGrund }
  asylblgEnde { letzterTag grund sgb2Ab sgb2AntragSpaetestens } } } }`;
type Antwort = {
  _entities: ({
    asylbewerberleistungen: { ab: string; bis: string | null; leistungsart: string; endeGrund: string | null }[] | null;
    asylblgEnde: {
      letzterTag: string;
      grund: string;
      sgb2Ab: string | null;
      sgb2AntragSpaetestens: string | null;
    } | null;
  } | null)[];
};
const frage = (person: DemoPerson, agency: 'sozialamt' | 'jobcenter' = 'sozialamt', role = 'sachbearbeitung') =>
  subject.ask<Antwort>(LEISTUNGEN, { r: [{ __typename: 'Person', id: person.id }] }, agency, role);

/** A recognised person who received AsylbLG under a Gestattung before. */
const anerkannt = (filter: (person: DemoPerson) => boolean) =>
  population.persons.find(
    (person) =>
      person.anerkanntAm !== null && person.statusverlauf[0]!.art === 'AUFENTHALTSGESTATTUNG' && filter(person),
  )!;
const einwilligung = (person: DemoPerson) => demoDeclaration(person, population.referenceDate);

describe("the Sozialamt's database and demo slice", () => {
  it('migrates an empty database, and again without change', async () => {
    const fresh = await createTestDatabase<SozialamtDatabase>('sozialamt-leer', (db) => prepareDatabase(db));
    try {
      await prepareDatabase(fresh.db);
      expect(await countZeitraeume(fresh.db)).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('holds exactly the periods the demo rules give the population', async () => {
    expect(await countZeitraeume(subject.db)).toBe(demoLeistungszeitraeume(population).length);
  });
});

describe('benefit periods and the end of the entitlement', () => {
  it("shows its own staff a recognised person's periods, ending at the end of the month of recognition", async () => {
    const person = anerkannt(() => true);
    const { body } = await frage(person);
    expect(body.errors).toBeUndefined();
    const [antwort] = body.data!._entities;
    // Hand-computed: the last day of the month of recognition, SGB II from the next first.
    const [jahr, monat] = person.anerkanntAm!.split('-').map(Number) as [number, number];
    const monatsende = new Date(Date.UTC(jahr, monat, 0)).toISOString().slice(0, 10);
    const naechster = new Date(Date.UTC(jahr, monat, 1)).toISOString().slice(0, 10);
    expect(antwort?.asylbewerberleistungen?.at(-1)).toMatchObject({ bis: monatsende, endeGrund: 'ANERKENNUNG' });
    expect(antwort?.asylblgEnde).toEqual({
      letzterTag: monatsende,
      grund: 'ANERKENNUNG',
      sgb2Ab: naechster,
      sgb2AntragSpaetestens: new Date(Date.UTC(jahr, monat + 1, 0)).toISOString().slice(0, 10),
    });
  });

  it('answers an unknown person with no periods and no end, not an error', async () => {
    const { body } = await subject.ask<Antwort>(LEISTUNGEN, {
      r: [{ __typename: 'Person', id: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities[0]).toEqual({ asylbewerberleistungen: [], asylblgEnde: null });
  });

  it('releases them to the Jobcenter under consent only, not after its withdrawal', async () => {
    const mit = anerkannt((person) => {
      const erklaerung = einwilligung(person);
      return erklaerung?.state === 'VOLLSTAENDIG';
    });
    const ohne = anerkannt((person) => einwilligung(person)?.state === 'WIDERRUFEN');
    const freigegeben = await frage(mit, 'jobcenter', 'fallmanagement');
    expect(freigegeben.body.errors).toBeUndefined();
    expect(freigegeben.body.data?._entities[0]?.asylbewerberleistungen?.length).toBeGreaterThan(0);

    const verweigert = await frage(ohne, 'jobcenter', 'fallmanagement');
    expect(verweigert.body.data?._entities[0]).toEqual({ asylbewerberleistungen: null, asylblgEnde: null });
    expect(verweigert.body.errors?.map((error) => error.extensions?.['code'])).toEqual([
      'EINWILLIGUNG_FEHLT',
      'EINWILLIGUNG_FEHLT',
    ]);
  });

  it('loads the periods of many persons in one statement', async () => {
    const personen = population.persons.slice(0, 40);
    subject.statements.length = 0;
    const { body } = await subject.ask<Antwort>(LEISTUNGEN, {
      r: personen.map((person) => ({ __typename: 'Person', id: person.id })),
    });
    expect(body.errors).toBeUndefined();
    expect(subject.statements.filter((sql) => /from "leistungszeitraum"/.test(sql))).toHaveLength(1);
  });
});
