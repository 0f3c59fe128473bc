import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDeclaration, type DemoPerson } from '@ip/kit/demo';
import { kindergeldAntragEingegangen, recordDeclaration, startSystem, type System } from './support/system.ts';

/**
 * The Jobcenter's fields that read other owners' data through `@requires`, end to end through the
 * gateway: each owner decides its release, and a refusal is an error, never a zero.
 */
let system: System;
beforeAll(async () => {
  system = await startSystem({ households: 60 });
});
afterAll(async () => system?.stop());

const JOBCENTER = { agency: 'jobcenter' as const, role: 'fallmanagement' };
const FAMILIENKASSE = { agency: 'familienkasse' as const, role: 'sachbearbeitung' };
const EINKOMMEN = `query Einkommen($id: ID!) { person(id: $id) { kindergeldAlsEinkommen(monat: "2015-12-01") { status monatsbetrag einkommenKinder einkommenEltern kinder { vorname betrag inBedarfsgemeinschaft } hinweis } } }`;
type Einkommen = {
  person: {
    kindergeldAlsEinkommen: { status: string; monatsbetrag: number | null; einkommenEltern: number | null } | null;
  };
};

const ohneErklaerung = () =>
  system.population.persons.filter((person) => demoDeclaration(person, system.population.referenceDate) === null);

async function consentKindergeld(person: DemoPerson) {
  await recordDeclaration(system, {
    id: randomUUID(),
    personId: person.id,
    unterschriebenAm: '2015-11-02',
    freigaben: [{ von: 'FAMILIENKASSE', an: 'JOBCENTER', kategorien: ['KINDERGELD'] }],
  });
}

describe('Kindergeld as income through @requires', () => {
  it('states an open application, counts a granted one, and says when consent is missing', async () => {
    const [person, ohneEinwilligung] = ohneErklaerung() as [DemoPerson, DemoPerson];
    await consentKindergeld(person);

    expect(
      (await system.query<Einkommen>(EINKOMMEN, { id: person.id }, JOBCENTER)).data?.person.kindergeldAlsEinkommen,
    ).toMatchObject({ status: 'KEIN_ANTRAG', monatsbetrag: null });

    const { id: antragId } = await kindergeldAntragEingegangen(system, person.id, {
      ausgegebenAm: '2015-11-02',
      eingangAm: '2015-11-05',
    });
    const offen = await system.query<Einkommen>(EINKOMMEN, { id: person.id }, JOBCENTER);
    expect(offen.errors).toBeUndefined();
    expect(offen.data?.person.kindergeldAlsEinkommen).toMatchObject({
      status: 'BEANTRAGT_NICHT_BESCHIEDEN',
      monatsbetrag: null,
    });

    await system.query(
      `mutation($id: ID!) { antragBescheiden(antragId: $id, beschiedenAm: "2015-11-12", ergebnis: BEWILLIGT, monatsbetrag: 376,
         aufenthaltstitel: { art: AUFENTHALTSERLAUBNIS, rechtsgrundlage: "§ 25 Abs. 2 AufenthG", gueltigAb: "2015-11-02" },
         kinder: [{ vorname: "Lina", nachname: "Haddad", geburtsdatum: "2011-03-04", ordnungszahl: 1 }, { vorname: "Omar", nachname: "Haddad", geburtsdatum: "2013-07-01", ordnungszahl: 2 }]) { id } }`,
      { id: antragId },
      FAMILIENKASSE,
    );
    const bewilligt = await system.query<Einkommen>(EINKOMMEN, { id: person.id }, JOBCENTER);
    // Children without a shared reference are no known members of the BG: their Kindergeld is the parent's income.
    expect(bewilligt.errors).toBeUndefined();
    expect(bewilligt.data?.person.kindergeldAlsEinkommen).toMatchObject({
      status: 'ANGERECHNET',
      monatsbetrag: 376,
      einkommenKinder: 0,
      einkommenEltern: 376,
      kinder: [
        { vorname: 'Lina', betrag: 188, inBedarfsgemeinschaft: false },
        { vorname: 'Omar', betrag: 188, inBedarfsgemeinschaft: false },
      ],
    });

    const refused = await system.query<Einkommen>(EINKOMMEN, { id: ohneEinwilligung.id }, JOBCENTER);
    expect(refused.data?.person.kindergeldAlsEinkommen).toBeNull();
    expect(refused.errors?.map((error) => error.extensions?.['code'])).toContain('EINWILLIGUNG_FEHLT');
    expect(
      refused.errors?.some(
        (error) =>
          error.extensions?.['eigentuemer'] === 'familienkasse' && error.extensions?.['kategorie'] === 'kindergeld',
      ),
    ).toBe(true);
  });
});

describe('the legal sphere through @requires', () => {
  it("reads the residence status from the Ausländerbehörde and the Jobcenter's own records", async () => {
    const RECHTSKREIS = `query($id: ID!, $s: Date) { person(id: $id) { rechtskreis(stichtag: $s) } }`;
    const imVerfahren = system.population.persons.find(
      (person) => person.statusverlauf.at(-1)!.art === 'AUFENTHALTSGESTATTUNG',
    )!;
    const result = await system.query<{ person: { rechtskreis: string } }>(
      RECHTSKREIS,
      { id: imVerfahren.id, s: '2015-12-01' },
      JOBCENTER,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.person.rechtskreis).toBe('SGB_III');

    const neu = ohneErklaerung()[2]!;
    const erfasst = await system.query(
      `mutation($p: ID!) { rechtskreiswechselErfassen(personId: $p, anerkanntAm: "2015-11-02", asylblgBis: "2015-11-30", sgb2Ab: "2015-12-01",
         sgb3Massnahmen: [{ bezeichnung: "PerF", ende: "2016-01-31" }]) { sgb2Ab sgb3Massnahmen { bezeichnung } } }`,
      { p: neu.id },
      JOBCENTER,
    );
    expect(erfasst.errors).toBeUndefined();
    const nachher = await system.query<{ person: { rechtskreis: string } }>(
      RECHTSKREIS,
      { id: neu.id, s: '2015-12-15' },
      JOBCENTER,
    );
    expect(nachher.data?.person.rechtskreis).toBe('SGB_II');
  });
});

describe('gaps in subsistence', () => {
  it('lists every kind of gap, with the reason and dates, for Jobcenter staff only', async () => {
    // Recognised on 1 October, AsylbLG stopped on 5 October, SGB II only from 20 October, no application.
    const person = ohneErklaerung()[3]!;
    const erfasst = await system.query(
      `mutation($p: ID!) { rechtskreiswechselErfassen(personId: $p, anerkanntAm: "2015-10-01", asylblgBis: "2015-10-05", sgb2Ab: "2015-10-20") { sgb2Ab } }`,
      { p: person.id },
      JOBCENTER,
    );
    expect(erfasst.errors).toBeUndefined();
    const LUECKEN = `{ leistungsluecken(stichtag: "2015-12-01", first: 100) { totalCount edges { node { grund seit bis person { id } } } } }`;
    const result = await system.query<{
      leistungsluecken: {
        totalCount: number;
        edges: { node: { grund: string; seit: string; bis: string | null; person: { id: string } } }[];
      };
    }>(LUECKEN, {}, { agency: 'jobcenter', role: 'teamleitung' });
    expect(result.errors).toBeUndefined();
    const mine = result
      .data!.leistungsluecken.edges.map((edge) => edge.node)
      .filter((node) => node.person.id === person.id);
    expect(mine.map((node) => [node.grund, node.seit, node.bis])).toEqual([
      ['ASYLBLG_ENDE_VOR_SGB2', '2015-10-06', '2015-10-19'],
      // No application by 31 October, the end of the month SGB II begins (§ 37 Abs. 2 S. 2 SGB II).
      ['ANERKENNUNG_OHNE_SGB2_ANTRAG', '2015-10-20', null],
      ['SGB2_BEGINN_NICHT_BEWILLIGT', '2015-10-20', null],
    ]);
    expect(result.data!.leistungsluecken.totalCount).toBeGreaterThan(mine.length);
    expect(
      (await system.query(LUECKEN, {}, { agency: 'agentur', role: 'teamleitung' })).errors?.[0]?.extensions?.['code'],
    ).toBe('FORBIDDEN');
  });
});
