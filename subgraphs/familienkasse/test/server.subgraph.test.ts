import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn, demoDeclaration, generatePopulation, personById } from '@ip/kit/demo';
import { createTestDatabase, startSubgraphUnderTest, type SubgraphUnderTest } from '@ip/kit/testing';
import { countAntraege, findAntraegeByPersonIds, findKinderByAntragIds } from '../src/db/kindergeld.repository.ts';
import { demoMonatsbetrag } from '../src/seed.ts';
import { prepareDatabase, startFamilienkasse, type FamilienkasseDatabase } from '../src/server.ts';

const population = generatePopulation();
const persons = personById(population);
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let subject: SubgraphUnderTest<FamilienkasseDatabase>;

beforeAll(async () => {
  subject = await startSubgraphUnderTest({
    name: 'familienkasse',
    prepareDatabase,
    start: startFamilienkasse,
    population,
    caller: { agency: 'familienkasse', role: 'sachbearbeitung' },
  });
});

afterAll(async () => {
  await subject?.close();
});

const ask: SubgraphUnderTest<FamilienkasseDatabase>['ask'] = (...args) => subject.ask(...args);

async function allApplications() {
  return subject.db.selectFrom('kindergeldAntrag').selectAll().orderBy('personId').execute();
}

/** The demo population's applications; the others are the region's flow, of applicants the graph does not know. */
async function populationApplications() {
  return (await allApplications()).filter((application) => persons.has(application.personId));
}

describe("the demo sums the table by the children's order", () => {
  it.each([
    ['2015-11-01', 1, 188],
    ['2015-11-01', 5, 1008],
    ['2016-03-01', 3, 576],
  ] as const)('%s, %i children → %i EUR a month', (monat, children, amount) => {
    expect(demoMonatsbetrag(monat, children)).toBe(amount);
  });
});

describe('migrations and the demo slice', () => {
  it('migrate an empty database, and again without change', async () => {
    const fresh = await createTestDatabase<FamilienkasseDatabase>('familienkasse-empty', (db) => prepareDatabase(db));
    try {
      await prepareDatabase(fresh.db);
      expect(await countAntraege(fresh.db)).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it("hold the population's applications of heads of families only, with their children under 18", async () => {
    const applications = await populationApplications();
    expect(applications.length).toBeGreaterThan(5);
    const kinder = await findKinderByAntragIds(
      subject.db,
      applications.map((application) => application.id),
    );
    for (const application of applications) {
      const head = persons.get(application.personId)!;
      expect(head.rolle).toBe('HAUPTPERSON');
      expect(application.kindergeldnummer).toMatch(/^\d{3}FK\d{6}$/);
      const children = kinder.filter((kind) => kind.kindergeldAntragId === application.id);
      const household = population.persons.filter(
        (person) => person.haushaltId === head.haushaltId && person.rolle === 'KIND',
      );
      expect(children.map((kind) => kind.personId).sort()).toEqual(
        household
          .filter((child) => ageOn(child.geburtsdatum, population.referenceDate) < 18)
          .map((child) => child.id)
          .sort(),
      );
      const title = head.statusverlauf.at(-1)!.art;
      if (application.ergebnis === 'BEWILLIGT') {
        expect(['AUFENTHALTSERLAUBNIS', 'NIEDERLASSUNGSERLAUBNIS']).toContain(title);
        expect(application.bewilligtAb).toBe(`${head.statusverlauf.at(-1)!.gueltigAb.slice(0, 7)}-01`);
        expect(application.monatsbetrag).toBe(demoMonatsbetrag(application.bewilligtAb!, children.length));
        expect(children.map((kind) => kind.ordnungszahl).sort()).toEqual(children.map((_, index) => index + 1));
      }
      if (title === 'AUFENTHALTSGESTATTUNG' || title === 'DULDUNG') {
        expect(application.ablehnungsgrund).toMatch(/^Kein Anspruch nach § 62 Abs. 2 EStG/);
      }
    }
    expect(new Set(applications.map((application) => application.ergebnis))).toEqual(
      new Set(['BEWILLIGT', null, 'ABGELEHNT']),
    );
  });

  it("hold the region's flow: packets every week, most decided in 10 working days, some late, some overdue", async () => {
    const referenceDate = population.referenceDate;
    const flow = (await allApplications()).filter((application) => !persons.has(application.personId));
    expect(flow.length).toBeGreaterThan(300);
    const pakete = await subject.db.selectFrom('antragspaket').selectAll().execute();
    const paketById = new Map(pakete.map((paket) => [paket.id, paket]));
    const kinder = await findKinderByAntragIds(
      subject.db,
      flow.map((application) => application.id),
    );
    const weeks = new Map<string, number>();
    for (const application of flow) {
      expect(application.eingangAm <= referenceDate).toBe(true);
      if (application.beschiedenAm !== null) expect(application.beschiedenAm <= referenceDate).toBe(true);
      const paket = application.antragspaketId === null ? undefined : paketById.get(application.antragspaketId);
      if (paket) {
        expect(paket.personId).toBe(application.personId);
        expect(paket.ausgegebenAm < application.eingangAm).toBe(true);
      }
      const children = kinder.filter((kind) => kind.kindergeldAntragId === application.id);
      expect(children.length).toBeGreaterThan(0);
      for (const child of children) {
        expect(child.personId).toBeNull();
        expect(child.geburtsdatum < application.eingangAm).toBe(true);
        expect(ageOn(child.geburtsdatum, referenceDate)).toBeLessThan(18);
      }
      if (application.ergebnis === 'BEWILLIGT') {
        expect(application.titelArt).toBe('AUFENTHALTSERLAUBNIS');
        expect(application.steuerId).toMatch(/^\d{11}$/);
        expect(children.every((child) => /^\d{11}$/.test(child.steuerId ?? ''))).toBe(true);
      }
      const day = new Date(`${application.eingangAm}T00:00:00Z`);
      const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
      weeks.set(monday, (weeks.get(monday) ?? 0) + 1);
    }
    // Receipts in each of the 13 full weeks before the reference day's week, more towards the end.
    const counts = [...weeks.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, count]) => count);
    expect(counts.length).toBe(14);
    expect(counts.slice(0, 13).every((count) => count >= 5)).toBe(true);
    expect(counts[12]!).toBeGreaterThan(counts[0]!);
    for (const familienkasse of ['515', '534', '548']) {
      const packets = flow.filter((row) => row.familienkasse === familienkasse && row.antragspaketId !== null);
      const decided = packets.filter((row) => row.beschiedenAm !== null);
      const onTime = decided.filter((row) => row.beschiedenAm! <= row.faelligAm).length;
      expect(onTime / decided.length).toBeGreaterThan(0.75);
      expect(onTime).toBeLessThan(decided.length);
      expect(
        packets.filter((row) => row.beschiedenAm === null && row.faelligAm >= referenceDate).length,
      ).toBeGreaterThan(0);
    }
    const overdue = flow.filter((row) => row.beschiedenAm === null && row.faelligAm < referenceDate);
    expect(overdue.length).toBeGreaterThan(10);
    expect(new Set(overdue.map((row) => row.familienkasse)).size).toBe(3);
  });

  it('find applications by applicant, ignoring unknown ids', async () => {
    const [first] = await allApplications();
    const rows = await findAntraegeByPersonIds(subject.db, [first!.personId, UNKNOWN_ID]);
    expect(rows.map((row) => row.id)).toEqual([first!.id]);
  });
});

describe('GraphQL', () => {
  const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Person { id kindergeldantraege { kindergeldnummer eingangAm beschiedenAm ergebnis monatsbetrag ablehnungsgrund kinder { vorname geburtsdatum person { id } } } } } }`;

  it('resolves persons in key order, [] for persons it does not know', async () => {
    const [application] = await allApplications();
    const { body } = await ask<{ _entities: { id: string; kindergeldantraege: { kindergeldnummer: string }[] }[] }>(
      ENTITIES,
      {
        representations: [application!.personId, UNKNOWN_ID, 'not-a-uuid'].map((id) => ({ __typename: 'Person', id })),
      },
    );
    expect(body.errors).toBeUndefined();
    expect(
      body.data?._entities.map((entity) => entity.kindergeldantraege.map((antrag) => antrag.kindergeldnummer)),
    ).toEqual([[application!.kindergeldnummer], [], []]);
  });

  it('loads applications and children of many persons with one statement each', async () => {
    subject.statements.length = 0;
    const { body } = await ask(ENTITIES, {
      representations: population.persons.map((person) => ({ __typename: 'Person', id: person.id })),
    });
    expect(body.errors).toBeUndefined();
    expect(subject.statements).toHaveLength(2);
  });

  it('refuses Kindergeld data to the Jobcenter without consent, releases it with consent, at constant cost', async () => {
    const applicants = (await populationApplications()).map((application) => persons.get(application.personId)!);
    const withConsent = applicants.find(
      (person) => demoDeclaration(person, population.referenceDate)?.state === 'VOLLSTAENDIG',
    );
    const without = applicants.find((person) => demoDeclaration(person, population.referenceDate) === null);
    expect(withConsent && without).toBeTruthy();
    subject.statements.length = 0;
    const { body } = await ask<{ _entities: { kindergeldantraege: unknown[] | null }[] }>(
      ENTITIES,
      { representations: [withConsent!, without!].map((person) => ({ __typename: 'Person', id: person.id })) },
      'jobcenter',
      'fallmanagement',
    );
    expect(body.data?._entities[0]?.kindergeldantraege).toHaveLength(1);
    expect(body.data?._entities[1]?.kindergeldantraege).toBeNull();
    expect(body.errors?.map((error) => error.extensions)).toEqual([
      { code: 'EINWILLIGUNG_FEHLT', eigentuemer: 'familienkasse', kategorie: 'kindergeld', empfaenger: 'jobcenter' },
    ]);
    // consents, legal bases, applications, children, and the one insert of the log
    expect(subject.statements).toHaveLength(5);
  });
});
