import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDeclaration, type DemoPerson } from '@ip/kit/demo';
import { recordDeclaration, startSystem, type System } from './support/system.ts';

/**
 * The Sozialamt as the fifth partner, end to end: its benefit periods reach the Jobcenter's legal sphere
 * through `@requires`, under the person's consent, so the Jobcenter sees the real last AsylbLG day instead of
 * guessing — and a recognised person still paid to the end of the month is under the AsylbLG, not in a gap.
 */
let system: System;
beforeAll(async () => {
  system = await startSystem({ households: 60 });
});
afterAll(async () => system?.stop());

const JOBCENTER = { agency: 'jobcenter' as const, role: 'fallmanagement' };
const FRAGE = `query SozialamtSicht($id: ID!, $s: Date) { person(id: $id) {
  asylblgEnde { letzterTag grund sgb2Ab }
  rechtskreis(stichtag: $s) } }`;
type Sicht = {
  person: { asylblgEnde: { letzterTag: string; grund: string; sgb2Ab: string } | null; rechtskreis: string | null };
};

/** Recognised adults who received AsylbLG under a Gestattung before, with the state of their demo declaration. */
const anerkannte = (state: string) =>
  system.population.persons.filter(
    (person) =>
      person.anerkanntAm !== null &&
      person.rolle !== 'KIND' &&
      person.statusverlauf[0]!.art === 'AUFENTHALTSGESTATTUNG' &&
      (demoDeclaration(person, system.population.referenceDate)?.state ?? 'KEINE') === state,
  );

/** The day of recognition: the Sozialamt still pays to the month's end, the Jobcenter not yet (SGB II from the next first). */
const imAnerkennungsmonat = (person: DemoPerson) => person.anerkanntAm!;
const monatsende = (tag: string) => {
  const [jahr, monat] = tag.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(jahr, monat, 0)).toISOString().slice(0, 10);
};

describe("the Jobcenter reads the Sozialamt's real last day", () => {
  it('sees AsylbLG paid to the end of the month of recognition: under the AsylbLG, no gap', async () => {
    // The newest recognition of the demo (November 2015), its declaration complete; recorded again explicitly.
    const person = anerkannte('VOLLSTAENDIG').sort((a, b) => (a.anerkanntAm! < b.anerkanntAm! ? 1 : -1))[0]!;
    await recordDeclaration(system, {
      id: randomUUID(),
      personId: person.id,
      unterschriebenAm: '2015-11-02',
      freigaben: [{ von: 'SOZIALAMT', an: 'JOBCENTER', kategorien: ['ASYLBEWERBERLEISTUNGEN'] }],
    });
    const stichtag = imAnerkennungsmonat(person);
    const result = await system.query<Sicht>(FRAGE, { id: person.id, s: stichtag }, JOBCENTER);
    expect(result.errors).toBeUndefined();
    const letzterTag = monatsende(person.anerkanntAm!);
    expect(result.data?.person.asylblgEnde).toMatchObject({ letzterTag, grund: 'ANERKENNUNG' });
    // The papers alone said KEINER here (a recognised person without SGB II): a gap that was none.
    expect(result.data?.person.rechtskreis).toBe('ASYLBLG');
  });

  it('without the consent, refuses and names the Sozialamt instead of guessing', async () => {
    const person = anerkannte('WIDERRUFEN')[0]!;
    const result = await system.query<Sicht>(FRAGE, { id: person.id, s: imAnerkennungsmonat(person) }, JOBCENTER);
    expect(result.data?.person.asylblgEnde).toBeNull();
    expect(result.data?.person.rechtskreis).toBeNull();
    expect(
      result.errors?.some(
        (error) =>
          error.extensions?.['code'] === 'EINWILLIGUNG_FEHLT' &&
          error.extensions?.['eigentuemer'] === 'sozialamt' &&
          error.extensions?.['kategorie'] === 'asylbewerberleistungen',
      ),
    ).toBe(true);
  });

  it("finds no AsylbLG gap where the Jobcenter's recorded end was a guess and the Sozialamt still pays", async () => {
    // In the procedure by the papers, declaration complete; the Jobcenter records a recognition on 2 November
    // and types the 10th as the end of the AsylbLG — but the Sozialamt has heard of no end and still pays.
    const person = system.population.persons.find(
      (kandidat) =>
        kandidat.rolle === 'HAUPTPERSON' &&
        kandidat.statusverlauf.at(-1)!.art === 'AUFENTHALTSGESTATTUNG' &&
        demoDeclaration(kandidat, system.population.referenceDate)?.state === 'VOLLSTAENDIG',
    )!;
    const wechsel = await system.query(
      `mutation($p: ID!) { rechtskreiswechselErfassen(personId: $p, anerkanntAm: "2015-11-02", asylblgBis: "2015-11-10", sgb2Ab: "2015-12-01") { sgb2Ab } }`,
      { p: person.id },
      JOBCENTER,
    );
    expect(wechsel.errors).toBeUndefined();

    const EINZELN = `query($id: ID!) { person(id: $id) { asylbewerberleistungen { bis } leistungsluecken(stichtag: "2015-12-15") { grund } } }`;
    const einzeln = await system.query<{
      person: { asylbewerberleistungen: { bis: string | null }[]; leistungsluecken: { grund: string }[] };
    }>(EINZELN, { id: person.id }, JOBCENTER);
    expect(einzeln.errors).toBeUndefined();
    expect(einzeln.data?.person.asylbewerberleistungen.at(-1)?.bis).toBeNull();
    expect(einzeln.data?.person.leistungsluecken.map((luecke) => luecke.grund)).not.toContain('ASYLBLG_ENDE_VOR_SGB2');

    // The list over all records still reads the recorded day, and says so.
    const LISTE = `{ leistungsluecken(stichtag: "2015-12-15", first: 100) { edges { node { grund hinweis person { id } } } } }`;
    const liste = await system.query<{
      leistungsluecken: { edges: { node: { grund: string; hinweis: string; person: { id: string } } }[] };
    }>(LISTE, {}, { agency: 'jobcenter', role: 'teamleitung' });
    const eigene = liste.data!.leistungsluecken.edges.filter((edge) => edge.node.person.id === person.id);
    expect(eigene.find((edge) => edge.node.grund === 'ASYLBLG_ENDE_VOR_SGB2')?.node.hinweis).toContain(
      'laut Erfassung des Jobcenters',
    );
  });
});
