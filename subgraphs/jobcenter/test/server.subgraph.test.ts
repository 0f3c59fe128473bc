import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDeclaration, generatePopulation, personById } from '@ip/kit/demo';
import { createTestDatabase, startSubgraphUnderTest, type SubgraphUnderTest } from '@ip/kit/testing';
import { countBgs, findBgsByPersonIds, findMitgliederByBgIds } from '../src/db/bedarfsgemeinschaft.repository.ts';
import { prepareDatabase, startJobcenter, type JobcenterDatabase } from '../src/server.ts';

const population = generatePopulation();
const persons = personById(population);
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let subject: SubgraphUnderTest<JobcenterDatabase>;

beforeAll(async () => {
  subject = await startSubgraphUnderTest({
    name: 'jobcenter',
    prepareDatabase,
    start: startJobcenter,
    population,
    caller: { agency: 'jobcenter', role: 'fallmanagement' },
  });
});

afterAll(async () => {
  await subject?.close();
});

const ask: SubgraphUnderTest<JobcenterDatabase>['ask'] = (...args) => subject.ask(...args);

const allMembers = () => subject.db.selectFrom('bgMitglied').selectAll().execute();

describe('migrations and the demo slice', () => {
  it('migrate an empty database, and again without change', async () => {
    const fresh = await createTestDatabase<JobcenterDatabase>('jobcenter-empty', (db) => prepareDatabase(db));
    try {
      await prepareDatabase(fresh.db);
      expect(await countBgs(fresh.db)).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('hold whole households of recognised refugees, the head as applicant', async () => {
    const members = await allMembers();
    const bgs = new Set(members.map((member) => member.bedarfsgemeinschaftId));
    expect(bgs.size).toBeGreaterThan(10);
    for (const bg of bgs) {
      const inBg = members.filter((member) => member.bedarfsgemeinschaftId === bg);
      const head = persons.get(inBg.find((member) => member.rolle === 'ANTRAGSTELLENDE_PERSON')!.personId)!;
      expect(['AUFENTHALTSERLAUBNIS', 'NIEDERLASSUNGSERLAUBNIS']).toContain(head.statusverlauf.at(-1)!.art);
      const household = population.persons.filter((person) => person.haushaltId === head.haushaltId);
      expect(inBg.map((member) => member.personId).sort()).toEqual(household.map((person) => person.id).sort());
    }
  });

  it('refuse a second applicant in one Bedarfsgemeinschaft', async () => {
    const [member] = (await allMembers()).filter((m) => m.rolle !== 'ANTRAGSTELLENDE_PERSON');
    await expect(
      subject.db
        .updateTable('bgMitglied')
        .set({ rolle: 'ANTRAGSTELLENDE_PERSON' })
        .where('personId', '=', member!.personId)
        .execute(),
    ).rejects.toThrow();
  });

  it('find the Bedarfsgemeinschaft by member and its members applicant first', async () => {
    const [member] = await allMembers();
    const [bg] = await findBgsByPersonIds(subject.db, [member!.personId, UNKNOWN_ID]);
    expect(bg?.id).toBe(member!.bedarfsgemeinschaftId);
    const mitglieder = await findMitgliederByBgIds(subject.db, [bg!.id]);
    expect(mitglieder[0]?.rolle).toBe('ANTRAGSTELLENDE_PERSON');
  });
});

describe('GraphQL', () => {
  const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Person { id sgb2Leistungsstatus bedarfsgemeinschaft { bgNummer gegruendetAm mitglieder { rolle seit person { id } }
      leistungsantraege { eingangAm status beschiedenAm bewilligtAb bewilligtBis } } } } }`;

  it('resolves persons in key order, null for persons it does not know', async () => {
    const [member] = await allMembers();
    const { body } = await ask<{
      _entities: { id: string; bedarfsgemeinschaft: { bgNummer: string } | null; sgb2Leistungsstatus: string | null }[];
    }>(ENTITIES, {
      representations: [member!.personId, UNKNOWN_ID, 'not-a-uuid'].map((id) => ({ __typename: 'Person', id })),
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities[0]?.bedarfsgemeinschaft?.bgNummer).toMatch(/^\d{5}BG\d{7}$/);
    expect(body.data?._entities.slice(1)).toEqual([
      { id: UNKNOWN_ID, bedarfsgemeinschaft: null, sgb2Leistungsstatus: null },
      { id: 'not-a-uuid', bedarfsgemeinschaft: null, sgb2Leistungsstatus: null },
    ]);
  });

  it('loads Bedarfsgemeinschaften, members and applications of many persons with one statement each', async () => {
    subject.statements.length = 0;
    const { body } = await ask(ENTITIES, {
      representations: population.persons.map((person) => ({ __typename: 'Person', id: person.id })),
    });
    expect(body.errors).toBeUndefined();
    expect(subject.statements).toHaveLength(3);
  });

  it('releases to the Familienkasse only what the declaration grants', async () => {
    const members = (await allMembers()).map((member) => persons.get(member.personId)!);
    const partial = members.find((person) => demoDeclaration(person, population.referenceDate)?.state === 'TEILWEISE')!;
    const withdrawn = members.find(
      (person) => demoDeclaration(person, population.referenceDate)?.state === 'WIDERRUFEN',
    )!;
    const { body } = await ask<{ _entities: { bedarfsgemeinschaft: unknown; sgb2Leistungsstatus: unknown }[] }>(
      ENTITIES,
      { representations: [partial, withdrawn].map((person) => ({ __typename: 'Person', id: person.id })) },
      'familienkasse',
      'sachbearbeitung',
    );
    // A partial declaration grants the Jobcenter's categories; a withdrawn one nothing.
    expect(body.data?._entities[0]?.bedarfsgemeinschaft).not.toBeNull();
    expect(body.data?._entities[1]).toMatchObject({ bedarfsgemeinschaft: null, sgb2Leistungsstatus: null });
    expect(body.errors?.map((error) => [error.path?.[2], error.extensions?.['kategorie']]).sort()).toEqual([
      ['bedarfsgemeinschaft', 'bedarfsgemeinschaft'],
      ['sgb2Leistungsstatus', 'leistungen'],
    ]);
  });
});
