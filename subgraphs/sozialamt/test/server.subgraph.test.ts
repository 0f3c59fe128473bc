import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDeclaration, generatePopulation } from '@ip/kit/demo';
import { createTestDatabase, startSubgraphUnderTest, type SubgraphUnderTest } from '@ip/kit/testing';
import { countVorgaenge } from '../src/db/vorgang.repository.ts';
import { demoVorgaenge } from '../src/seed.ts';
import { prepareDatabase, startSozialamt, type SozialamtDatabase } from '../src/server.ts';

const population = generatePopulation({ households: 20 });
const files = demoVorgaenge(population);
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const ENTITIES = `query Vorgaenge($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Person { id sozialamtVorgaenge { aktenzeichen eroeffnetAm } } } }`;

type Entities = {
  _entities: { id: string; sozialamtVorgaenge: { aktenzeichen: string; eroeffnetAm: string }[] | null }[];
};

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

afterAll(async () => {
  await subject?.close();
});

/** A person the Sozialamt (AsylbLG) knows whose declaration of consent is in the given state (`null`: none signed). */
function personWith(state: 'VOLLSTAENDIG' | null): string {
  const found = files.find(
    (file) =>
      (demoDeclaration(
        population.persons.find((person) => person.id === file.personId)!,
        population.referenceDate,
      )?.state ?? null) === state,
  );
  if (!found) throw new Error(`the demo has no person of the Sozialamt (AsylbLG) with consent ${state}`);
  return found.personId;
}

describe('migrations and the demo slice', () => {
  it('migrate an empty database, and again without change', async () => {
    const fresh = await createTestDatabase<SozialamtDatabase>('sozialamt-empty', (db) => prepareDatabase(db));
    try {
      await prepareDatabase(fresh.db);
      expect(await countVorgaenge(fresh.db)).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('hold every file of the demo slice, and seed it only once', async () => {
    expect(await countVorgaenge(subject.db)).toBe(files.length);
    await prepareDatabase(subject.db, population);
    expect(await countVorgaenge(subject.db)).toBe(files.length);
  });
});

describe("a person's files, as the gateway asks for them (_entities)", () => {
  it("show the Sozialamt (AsylbLG)'s staff a person's files, and none for a person it does not know", async () => {
    const file = files[0]!;
    const { body } = await subject.ask<Entities>(ENTITIES, {
      representations: [
        { __typename: 'Person', id: file.personId },
        { __typename: 'Person', id: UNKNOWN_ID },
      ],
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities[0]?.sozialamtVorgaenge).toContainEqual({
      aktenzeichen: file.aktenzeichen,
      eroeffnetAm: file.eroeffnetAm,
    });
    expect(body.data?._entities[1]?.sozialamtVorgaenge).toEqual([]);
  });

  it('release them to another partner under the consent the person gave, and refuse without it', async () => {
    const { body } = await subject.ask<Entities>(
      ENTITIES,
      {
        representations: [
          { __typename: 'Person', id: personWith('VOLLSTAENDIG') },
          { __typename: 'Person', id: personWith(null) },
        ],
      },
      'jobcenter',
      'fallmanagement',
    );
    expect(body.data?._entities[0]?.sozialamtVorgaenge?.length).toBeGreaterThan(0);
    expect(body.data?._entities[1]?.sozialamtVorgaenge).toBeNull();
    expect(body.errors?.map((error) => error.extensions)).toEqual([
      expect.objectContaining({
        code: 'EINWILLIGUNG_FEHLT',
        eigentuemer: 'sozialamt',
        kategorie: 'sozialamt_vorgang',
        empfaenger: 'jobcenter',
      }),
    ]);
  });

  it('log each decision in its own access log', async () => {
    const rows = await subject.db
      .selectFrom('zugriffsprotokoll')
      .select(['anfragendeBehoerde', 'kategorie', 'entscheidung'])
      .where('anfragendeBehoerde', '=', 'jobcenter')
      .execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { anfragendeBehoerde: 'jobcenter', kategorie: 'sozialamt_vorgang', entscheidung: 'FREIGEGEBEN' },
        { anfragendeBehoerde: 'jobcenter', kategorie: 'sozialamt_vorgang', entscheidung: 'VERWEIGERT' },
      ]),
    );
  });
});
