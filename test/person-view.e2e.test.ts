import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoPerson } from '@ip/kit/demo';
import { startSystem, type PartnerName, type System } from './support/system.ts';

/** Every field of every partner, nested lists included: the widest person view a front-end can ask for. */
const PERSON_FIELDS = `
  id
  identitaet { azrNummer vorname nachname geburtsdatum geschlecht staatsangehoerigkeit }
  aufenthalt {
    einreiseAm asylantragAm
    status { art rechtsgrundlage gueltigAb gueltigBis nebenbestimmungen }
    verlauf { art rechtsgrundlage gueltigAb gueltigBis }
  }
  integrationPointFall {
    id kundennummer eroeffnetAm status statusSeit
    integrationsfachkraft { id name integrationPoint }
    verlauf { am art notiz }
  }
  bedarfsgemeinschaft {
    id bgNummer gegruendetAm
    mitglieder { rolle seit person { id identitaet { nachname } } }
    leistungsantraege { id eingangAm status beschiedenAm bewilligtAb bewilligtBis }
  }
  sgb2Leistungsstatus
  kindergeldantraege {
    id kindergeldnummer familienkasse eingangAm beschiedenAm ergebnis monatsbetrag ablehnungsgrund
    kinder { vorname nachname geburtsdatum person { id } }
  }
`;

interface PersonView {
  id: string;
  identitaet: { azrNummer: string; nachname: string } | null;
  aufenthalt: { status: { art: string } | null } | null;
  integrationPointFall: { kundennummer: string; status: string } | null;
  bedarfsgemeinschaft: {
    bgNummer: string;
    mitglieder: { rolle: string; person: { id: string; identitaet: { nachname: string } | null } }[];
  } | null;
  sgb2Leistungsstatus: string | null;
  kindergeldantraege: { kindergeldnummer: string; kinder: { person: { id: string } | null }[] }[] | null;
}

interface Page {
  personen: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: PersonView }[];
  };
}

let system: System;

beforeAll(async () => {
  // Everyone consented to every release at the intake: this file is about merging, not refusing.
  system = await startSystem({ households: 60, consented: (population) => population.persons });
});

afterAll(async () => {
  await system?.stop();
});

async function page(first: number, after: string | null = null, fields = PERSON_FIELDS): Promise<Page['personen']> {
  const result = await system.query<Page>(
    `query($first: Int, $after: String) { personen(first: $first, after: $after) {
       totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${fields} } } } }`,
    { first, after },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.personen;
}

async function allPersons(): Promise<PersonView[]> {
  const persons: PersonView[] = [];
  let after: string | null = null;
  for (;;) {
    const current: Page['personen'] = await page(100, after);
    persons.push(...current.edges.map((edge) => edge.node));
    if (!current.pageInfo.hasNextPage) return persons;
    after = current.pageInfo.endCursor;
  }
}

const knownBy = (person: PersonView): PartnerName[] => [
  ...(person.identitaet ? (['auslaenderbehoerde'] as const) : []),
  ...(person.integrationPointFall ? (['agentur'] as const) : []),
  ...(person.bedarfsgemeinschaft ? (['jobcenter'] as const) : []),
  ...((person.kindergeldantraege?.length ?? 0) > 0 ? (['familienkasse'] as const) : []),
];

describe('the person view through the gateway', () => {
  it("merges the partners' fields for one person", async () => {
    const persons = await allPersons();
    const recognised = persons.find(
      (person) => person.bedarfsgemeinschaft && (person.kindergeldantraege?.length ?? 0) > 0,
    );
    expect(recognised).toBeDefined();
    const expected = system.population.persons.find((person) => person.id === recognised!.id) as DemoPerson;

    const result = await system.query<{ person: PersonView }>(
      `query($id: ID!) { person(id: $id) { ${PERSON_FIELDS} } }`,
      { id: expected.id },
    );
    expect(result.errors).toBeUndefined();
    const person = result.data!.person;
    expect(person).toMatchObject({
      id: expected.id,
      identitaet: { azrNummer: expected.azrNummer, nachname: expected.nachname },
    });
    expect(person.aufenthalt?.status?.art).toBe(expected.statusverlauf.at(-1)!.art);
    expect(person.bedarfsgemeinschaft?.bgNummer).toMatch(/^\d{5}BG\d{7}$/);
    // Members are references the gateway completes from the Ausländerbehörde: the whole household, by name.
    const household = system.population.persons.filter((member) => member.haushaltId === expected.haushaltId);
    expect(person.bedarfsgemeinschaft?.mitglieder.map((member) => member.person.identitaet?.nachname).sort()).toEqual(
      household.map((member) => member.nachname).sort(),
    );
    expect(person.kindergeldantraege?.[0]?.kindergeldnummer).toMatch(/^\d{3}FK\d{6}$/);
  });

  it('gives null and empty fields, not errors, for partners that do not know the person', async () => {
    const persons = await allPersons();
    const onlyTwo = persons.find((person) => knownBy(person).length === 2 && person.integrationPointFall);
    expect(onlyTwo).toBeDefined();
    const result = await system.query<{ person: PersonView }>(
      `query($id: ID!) { person(id: $id) { ${PERSON_FIELDS} } }`,
      {
        id: onlyTwo!.id,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.person).toMatchObject({
      bedarfsgemeinschaft: null,
      sgb2Leistungsstatus: null,
      kindergeldantraege: [],
    });
    expect(result.data!.person.integrationPointFall?.kundennummer).toMatch(/^\d{3}[A-Z]\d{6}$/);
  });

  it('answers null for a person nobody knows', async () => {
    const result = await system.query(
      `{ person(id: "00000000-0000-4000-8000-000000000000") { id identitaet { nachname } } }`,
    );
    expect(result).toEqual({ data: { person: null } });
  });

  it('pages through every person to the end, each once, in a stable order', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const current: Page['personen'] = await page(37, after, 'id');
      expect(current.totalCount).toBe(system.population.persons.length);
      ids.push(...current.edges.map((edge) => edge.node.id));
      pages += 1;
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(system.population.persons.length / 37));
    expect(new Set(ids).size).toBe(system.population.persons.length);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids)).toEqual(new Set(system.population.persons.map((person) => person.id)));
  });

  it('shows every partner somewhere in the population, and persons every partner knows', async () => {
    const persons = await allPersons();
    const counts = new Map<string, number>();
    for (const person of persons)
      for (const partner of knownBy(person)) counts.set(partner, (counts.get(partner) ?? 0) + 1);
    expect(counts.get('auslaenderbehoerde')).toBe(persons.length);
    for (const partner of ['agentur', 'jobcenter', 'familienkasse']) {
      expect(counts.get(partner)).toBeGreaterThan(0);
      expect(counts.get(partner)).toBeLessThan(persons.length);
    }
  });
});

const ASKED: PartnerName[] = ['agentur', 'jobcenter', 'auslaenderbehoerde', 'familienkasse'];

describe('N+1', () => {
  it('runs as many SQL statements per subgraph for 100 persons as for 10', async () => {
    // Both pages start where the next 10 persons include a case, a Bedarfsgemeinschaft and a Kindergeld
    // application: a loader with nothing to load runs no statement, and that would be data, not batching.
    const persons = await allPersons();
    const hasAll = (window: PersonView[]) =>
      window.some((person) => person.integrationPointFall) &&
      window.some((person) => person.bedarfsgemeinschaft) &&
      window.some((person) => (person.kindergeldantraege?.length ?? 0) > 0);
    const start = persons.findIndex((_, index) => hasAll(persons.slice(index, index + 10)));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(persons.length - start).toBeGreaterThanOrEqual(100);
    const after = start === 0 ? null : (await page(start, null, 'id')).pageInfo.endCursor;

    const counts = async (first: number) => {
      system.resetStatements();
      const current = await page(first, after);
      expect(current.edges).toHaveLength(first);
      // The four partners the person view asks; a partner registered later answers none of its fields.
      return Object.fromEntries(ASKED.map((name) => [name, system.statements[name].length]));
    };
    const ten = await counts(10);
    const hundred = await counts(100);
    expect(hundred).toEqual(ten);
    for (const count of Object.values(ten)) expect(count).toBeGreaterThan(0);
    console.log('SQL statements per subgraph for personen(first: 10) and (first: 100):', ten);
  });
});
