import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '@ip/kit';
import { ageOn, demoDeclaration, generatePopulation, type DemoPerson } from '@ip/kit/demo';
import { berlinToday } from '@ip/kit/consent';
import { startSubgraphUnderTest, type SubgraphUnderTest } from '@ip/kit/testing';
import { prepareDatabase, startAuslaenderbehoerde, type AuslaenderbehoerdeDatabase } from '../src/server.ts';

/**
 * `personenNachStaatsangehoerigkeit` on the demo population. Every expectation is worked out here from the
 * population and the demo declarations, not from the subgraph's code or tables.
 */
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

const AGENTUR = ['agentur', 'integrationsfachkraft'] as const;
const NATIONALITIES = ['SY', 'ER'];
const SGB_III = ['AUFENTHALTSGESTATTUNG', 'DULDUNG'];
const STICHTAG = '2015-12-01';
const CATEGORIES = ['identitaet', 'aufenthalt', 'arbeitsmarktzugang'];

/** Releases are decided on the day of the request, in Europe/Berlin, whatever the Stichtag. */
const today = berlinToday();

/** What the Ausländerbehörde releases to the Agentur today: § 18b AZR-Gesetz (from 2016-02-05) covers identity and residence, consent the rest. */
function releasedToAgentur(person: DemoPerson, category: string): boolean {
  if (['identitaet', 'aufenthalt'].includes(category) && today >= '2016-02-05') return true;
  const declaration = demoDeclaration(person, population.referenceDate);
  if (!declaration) return false;
  const inForce =
    declaration.signedOn <= today &&
    (declaration.validUntil === null || today <= declaration.validUntil) &&
    (declaration.withdrawnOn === null || today < declaration.withdrawnOn);
  return (
    inForce &&
    declaration.lines.some(
      (line) => line.from === 'auslaenderbehoerde' && line.to === 'agentur' && line.categories.includes(category),
    )
  );
}
const releasesAll = (person: DemoPerson) => CATEGORIES.every((category) => releasedToAgentur(person, category));

const statusOn = (person: DemoPerson, day: string) =>
  person.statusverlauf.find(
    (period) => period.gueltigAb <= day && (period.gueltigBis === null || day <= period.gueltigBis),
  )?.art;
const districtOf = new Map(population.households.map((household) => [household.id, household.agenturbezirk]));
/** The ABH records a qualification for adults only (seed); not recorded ranks last. */
const RANK: Record<string, number> = { STUDIUM: 1, BERUFSAUSBILDUNG: 2, BERUFSERFAHRUNG: 3, KEINE: 4 };
const storedQualifikation = (person: DemoPerson) =>
  ageOn(person.geburtsdatum, population.referenceDate) >= 18 ? person.qualifikation : null;
const rank = (person: DemoPerson) => RANK[storedQualifikation(person) ?? ''] ?? 5;
const byId = (a: DemoPerson, b: DemoPerson) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byQualification = (a: DemoPerson, b: DemoPerson) => rank(a) - rank(b) || byId(a, b);

/** Every person matching the filters, in the asked order, whether released or not. */
function matching(
  options: { stichtag?: string; districts?: readonly string[]; order?: 'ID' | 'QUALIFIKATION' } = {},
): DemoPerson[] {
  const stichtag = options.stichtag ?? STICHTAG;
  return population.persons
    .filter(
      (person) =>
        NATIONALITIES.includes(person.staatsangehoerigkeit) && SGB_III.includes(statusOn(person, stichtag) ?? ''),
    )
    .filter((person) => !options.districts || options.districts.includes(districtOf.get(person.haushaltId)!))
    .sort(options.order === 'QUALIFIKATION' ? byQualification : byId);
}

const AUSWAHL = (
  operation: string,
) => `query ${operation}($staatsangehoerigkeiten: [String!]!, $aufenthaltsarten: [Aufenthaltsart!], $agenturbezirke: [String!], $stichtag: Date!, $reihenfolge: PersonenReihenfolge, $first: Int, $after: String) {
  personenNachStaatsangehoerigkeit(staatsangehoerigkeiten: $staatsangehoerigkeiten, aufenthaltsarten: $aufenthaltsarten, agenturbezirke: $agenturbezirke, stichtag: $stichtag, reihenfolge: $reihenfolge, first: $first, after: $after) {
    edges { cursor node { id identitaet { staatsangehoerigkeit qualifikation } arbeitsmarktzugang(stichtag: $stichtag) { erlaubnis naechsteAenderungAm gruende { paragraph } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
interface Seite {
  personenNachStaatsangehoerigkeit: {
    edges: {
      cursor: string;
      node: {
        id: string;
        identitaet: { staatsangehoerigkeit: string; qualifikation: string | null };
        arbeitsmarktzugang: { erlaubnis: string };
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
type Variables = {
  agenturbezirke?: string[];
  stichtag?: string;
  reihenfolge?: 'ID' | 'QUALIFIKATION';
  first?: number;
  after?: string | null;
  staatsangehoerigkeiten?: unknown;
  aufenthaltsarten?: unknown;
};

let operations = 0;
/** One page; each request gets an operation name of its own, so its log entries can be told apart. */
async function page(variables: Variables, caller: readonly [string, string] = AGENTUR) {
  const operation = `Auswahl${(operations += 1)}`;
  const { body } = await abh.ask<Seite>(
    AUSWAHL(operation),
    { staatsangehoerigkeiten: NATIONALITIES, aufenthaltsarten: SGB_III, stichtag: STICHTAG, ...variables },
    caller[0] as 'agentur',
    caller[1],
  );
  return { body, operation };
}

async function allPages(variables: Variables, caller: readonly [string, string] = AGENTUR) {
  const pages: Seite['personenNachStaatsangehoerigkeit'][] = [];
  let after: string | null = null;
  while (pages.length < 200) {
    const { body } = await page({ ...variables, after }, caller);
    expect(body.errors).toBeUndefined();
    pages.push(body.data!.personenNachStaatsangehoerigkeit);
    if (!pages.at(-1)!.pageInfo.hasNextPage) return pages;
    after = pages.at(-1)!.pageInfo.endCursor;
  }
  throw new Error('the list does not end');
}

const codeAndField = (body: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => [
  body.errors?.[0]?.extensions?.['code'],
  body.errors?.[0]?.extensions?.['field'],
];

describe('personenNachStaatsangehoerigkeit for the Agentur', () => {
  it.each(['ID', 'QUALIFIKATION'] as const)(
    'lists in %s order exactly the released persons, seven a page, without duplicates',
    async (reihenfolge) => {
      const expected = matching({ order: reihenfolge }).filter(releasesAll);
      // The expectation tells the filters apart: nationality, status and release each leave persons out.
      expect(expected.length).toBeGreaterThan(3 * 7);
      expect(matching().length).toBeGreaterThan(expected.length);
      expect(
        population.persons.filter((person) => NATIONALITIES.includes(person.staatsangehoerigkeit)).length,
      ).toBeGreaterThan(matching().length);
      const pages = await allPages({ reihenfolge, first: 7 });
      const edges = pages.flatMap((seite) => seite.edges);
      expect(edges.map((edge) => edge.node.id)).toEqual(expected.map((person) => person.id));
      expect(new Set(edges.map((edge) => edge.cursor)).size).toBe(edges.length);
      // A page is full unless the list ends; the last page may be empty when only unreleased persons follow.
      for (const seite of pages.slice(0, -2)) expect(seite.edges).toHaveLength(7);
      for (const seite of pages) expect(seite.pageInfo.endCursor).toBe(seite.edges.at(-1)?.cursor ?? null);
      const personOf = new Map(expected.map((person) => [person.id, person]));
      for (const { node } of edges) {
        const person = personOf.get(node.id)!;
        expect(node.identitaet).toEqual({
          staatsangehoerigkeit: person.staatsangehoerigkeit,
          qualifikation: storedQualifikation(person),
        });
        expect(node.arbeitsmarktzugang.erlaubnis).toEqual(expect.any(String));
      }
      // Children are listed with no qualification recorded; in qualification order they come last.
      expect(edges.some((edge) => edge.node.identitaet.qualifikation === null)).toBe(true);
      if (reihenfolge === 'QUALIFIKATION') expect(new Set(expected.map(rank))).toEqual(new Set([1, 2, 3, 4, 5]));
    },
  );

  it('judges the status on the Stichtag, not the status of today', async () => {
    // Half a year earlier some of today's recognised refugees were in the procedure, and many had not come yet.
    const stichtag = '2015-06-01';
    const expected = matching({ stichtag }).filter(releasesAll);
    expect(expected.some((person) => !SGB_III.includes(person.statusverlauf.at(-1)!.art))).toBe(true);
    expect(expected.length).toBeLessThan(matching().filter(releasesAll).length);
    const pages = await allPages({ stichtag, first: 40 });
    expect(pages.flatMap((seite) => seite.edges.map((edge) => edge.node.id))).toEqual(
      expected.map((person) => person.id),
    );
  });

  it('filters by Agentur district', async () => {
    const districts = ['Dortmund', 'Essen'];
    const expected = matching({ districts }).filter(releasesAll);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(matching().filter(releasesAll).length);
    const pages = await allPages({ agenturbezirke: districts, first: 40 });
    expect(pages.flatMap((seite) => seite.edges.map((edge) => edge.node.id))).toEqual(
      expected.map((person) => person.id),
    );
  });

  it('decides and logs exactly the persons it read for the page, each category once', async () => {
    const ordered = matching();
    const listed = ordered.filter(releasesAll).slice(0, 7);
    const read = ordered.slice(0, ordered.indexOf(listed.at(-1)!) + 1);
    expect(read.length).toBeGreaterThan(listed.length);
    const { body, operation } = await page({ first: 7 });
    expect(body.data!.personenNachStaatsangehoerigkeit.edges.map((edge) => edge.node.id)).toEqual(
      listed.map((person) => person.id),
    );
    const log = await abh.db
      .selectFrom('zugriffsprotokoll')
      .select(['personId', 'kategorie', 'entscheidung', 'anfragendeBehoerde'])
      .where('operation', '=', operation)
      .execute();
    const entry = (personId: string, kategorie: string, entscheidung: string) =>
      `${personId} ${kategorie} ${entscheidung}`;
    expect(log.map((row) => entry(row.personId, row.kategorie, row.entscheidung)).sort()).toEqual(
      read
        .flatMap((person) =>
          CATEGORIES.map((category) =>
            entry(person.id, category, releasedToAgentur(person, category) ? 'FREIGEGEBEN' : 'VERWEIGERT'),
          ),
        )
        .sort(),
    );
    expect(new Set(log.map((row) => row.anfragendeBehoerde))).toEqual(new Set(['agentur']));
  });

  it("lists every matching person to the Ausländerbehörde's own staff and logs nothing", async () => {
    const logged = async () =>
      (
        await abh.db
          .selectFrom('zugriffsprotokoll')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await logged();
    const pages = await allPages({ first: 100 }, ['auslaenderbehoerde', 'sachbearbeitung']);
    expect(pages.flatMap((seite) => seite.edges.map((edge) => edge.node.id))).toEqual(
      matching().map((person) => person.id),
    );
    expect(await logged()).toBe(before);
  });

  it('keeps the statements per page apart from the page size: a read per chunk, a consent load per round, two others', async () => {
    const measured: Record<number, { total: number; chunks: number; consents: number }> = {};
    for (const first of [5, 40]) {
      abh.statements.length = 0;
      const { body } = await page({ first });
      expect(body.data!.personenNachStaatsangehoerigkeit.edges).toHaveLength(first);
      const chunks = abh.statements.filter((statement) =>
        statement.startsWith('select *, 0 as "rang" from "person"'),
      ).length;
      const consents = abh.statements.filter((statement) => statement.includes('left join einwilligung e ')).length;
      measured[first] = { total: abh.statements.length, chunks, consents };
      // The legal bases come from the process's copy (the consent statement reads their state with the
      // consents), read at most once here: on the first request of the process.
      const legalBases = abh.statements.filter((statement) => statement.includes('"rechtsgrundlage" as "r"'));
      expect(legalBases.length).toBeLessThanOrEqual(1);
      // Once each, whatever the page size: the listed persons' status periods, the log entries.
      expect(
        abh.statements
          .filter(
            (statement) =>
              !statement.startsWith('select *, 0 as "rang" from "person"') &&
              !statement.includes('left join einwilligung e ') &&
              !legalBases.includes(statement),
          )
          .map((statement) => statement.slice(0, 40)),
      ).toEqual(['select * from "aufenthaltsstatus" where ', 'insert into zugriffsprotokoll (anfragend']);
      const ordered = matching();
      const read = ordered.indexOf(ordered.filter(releasesAll)[first - 1]!) + 1;
      // Chunks of first + 1 rows (the one more tells whether more follow); a round of decisions only while persons are refused.
      expect(chunks).toBe(Math.ceil((read + 1) / (first + 1)));
      expect(consents).toBeLessThanOrEqual(1 + read - first);
    }
    expect(measured[40]!.total).toBeLessThan(2 * measured[5]!.total);
    console.info('statements per page', JSON.stringify(measured));
  });
});

describe('an empty page', () => {
  it('reads and decides nothing, so it tells nothing about who follows', async () => {
    const { body } = await page({ first: 1 });
    const after = body.data!.personenNachStaatsangehoerigkeit.pageInfo.endCursor;
    abh.statements.length = 0;
    const empty = await page({ first: 0, after });
    expect(empty.body.data!.personenNachStaatsangehoerigkeit).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    expect(abh.statements.filter((statement) => statement.includes('from "person"'))).toEqual([]);
    expect(
      await abh.db.selectFrom('zugriffsprotokoll').select('id').where('operation', '=', empty.operation).execute(),
    ).toEqual([]);
  });
});

describe('qualifikation', () => {
  it('holds only the four values of the core data system', async () => {
    const person = population.persons[0]!;
    await expect(
      abh.db
        .updateTable('person')
        .set({ qualifikation: 'ABITUR' as 'KEINE' })
        .where('id', '=', person.id)
        .execute(),
    ).rejects.toThrow(/check/i);
  });
});

describe('refusals', () => {
  it('is for the case workers of the Agentur and the Ausländerbehörde only', async () => {
    for (const caller of [
      ['familienkasse', 'sachbearbeitung'],
      ['jobcenter', 'fallmanagement'],
      ['agentur', 'datenschutz'],
      ['auslaenderbehoerde', 'datenschutz'],
    ] as const) {
      const { body } = await page({ first: 1 }, caller);
      expect(codeAndField(body)[0]).toBe('FORBIDDEN');
      expect(body.data?.personenNachStaatsangehoerigkeit ?? null).toBeNull();
    }
    for (const caller of [
      ['agentur', 'eingangszone'],
      ['agentur', 'teamleitung'],
      ['auslaenderbehoerde', 'sachbearbeitung'],
    ] as const) {
      expect((await page({ first: 1 }, caller)).body.errors).toBeUndefined();
    }
  });

  it('refuses bad nationalities, empty filters and a page too large with BAD_USER_INPUT naming the argument', async () => {
    const cases: [Variables, string][] = [
      [{ staatsangehoerigkeiten: ['SY', 'SYR'] }, 'staatsangehoerigkeiten[1]'],
      [{ staatsangehoerigkeiten: ['sy'] }, 'staatsangehoerigkeiten[0]'],
      [{ staatsangehoerigkeiten: ['EU'] }, 'staatsangehoerigkeiten[0]'],
      [{ staatsangehoerigkeiten: [] }, 'staatsangehoerigkeiten'],
      [{ staatsangehoerigkeiten: Array.from({ length: 31 }, () => 'SY') }, 'staatsangehoerigkeiten'],
      [{ aufenthaltsarten: [] }, 'aufenthaltsarten'],
      [{ agenturbezirke: [] }, 'agenturbezirke'],
      [{ agenturbezirke: Array.from({ length: 51 }, (_, index) => `Bezirk ${index}`) }, 'agenturbezirke'],
      [{ first: 101 }, 'first'],
      [{ first: -1 }, 'first'],
    ];
    for (const [variables, field] of cases)
      expect(codeAndField((await page(variables)).body), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT', field]);
  });

  it('refuses a cursor that is not one of this list with BAD_USER_INPUT', async () => {
    const { body } = await page({ first: 1 });
    const ofIdOrder = body.data!.personenNachStaatsangehoerigkeit.pageInfo.endCursor!;
    const id = body.data!.personenNachStaatsangehoerigkeit.edges[0]!.node.id;
    const cases: [string, 'ID' | 'QUALIFIKATION'][] = [
      ['bm9wZQ', 'ID'],
      [ofIdOrder, 'QUALIFIKATION'],
      [encodeCursor(`1|${id}`), 'ID'],
      [encodeCursor(`6|${id}`), 'QUALIFIKATION'],
      [encodeCursor(`1|not-a-uuid`), 'QUALIFIKATION'],
      [encodeCursor(`0|not-a-uuid`), 'ID'],
      [encodeCursor(id), 'ID'],
      [encodeCursor(`1|${id}|x`), 'QUALIFIKATION'],
    ];
    for (const [after, reihenfolge] of cases) {
      for (const first of [1, 0])
        expect(
          codeAndField((await page({ after, reihenfolge, first })).body),
          `${after} ${reihenfolge} ${first}`,
        ).toEqual(['BAD_USER_INPUT', 'after']);
    }
    const next = await page({ after: ofIdOrder });
    expect(next.body.errors).toBeUndefined();
  });

  it('refuses a Stichtag before the modelled rules as labour-market access does', async () => {
    const refusal = await abh.ask(
      `{ arbeitsmarktzugangPruefen(fakten: { aufenthaltsart: DULDUNG, staatsangehoerigkeit: "SY", aufenthaltSeit: "2014-01-01" }, stichtag: "2014-11-05") { erlaubnis } }`,
    );
    expect(refusal.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const { body } = await page({ stichtag: '2014-11-05' });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      message: refusal.body.errors?.[0]?.message,
      path: ['personenNachStaatsangehoerigkeit'],
    });
    expect(codeAndField(body)).toEqual(['BAD_USER_INPUT', 'stichtag']);
    expect((await page({ stichtag: '2014-11-06', first: 1 })).body.errors).toBeUndefined();
  });
});
