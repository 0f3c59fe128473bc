import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDeclaration } from '@ip/kit/demo';
import { kindergeldAntragEingegangen, recordDeclaration, startSystem, type System } from './support/system.ts';

let system: System;

beforeAll(async () => {
  system = await startSystem({ households: 60 });
});
afterAll(async () => system?.stop());

const JOBCENTER = { agency: 'jobcenter' as const, role: 'fallmanagement' };
const FAMILIENKASSE = { agency: 'familienkasse' as const, role: 'sachbearbeitung' };

describe('the Kindergeld packet through the gateway', () => {
  it('Jobcenter issues, Familienkasse receives and decides, Jobcenter sees the outcome once the person consented', async () => {
    const person = system.population.persons.find(
      (candidate) => demoDeclaration(candidate, system.population.referenceDate) === null,
    )!;

    const issued = await system.query<{ antragspaketAusgeben: { matrixCode: string; ausgegebenDurch: string } }>(
      `mutation Ausgabe($p: ID!) { antragspaketAusgeben(personId: $p, familienkasse: "515", ausgegebenAm: "2015-11-10") { matrixCode ausgegebenDurch } }`,
      { p: person.id },
      JOBCENTER,
    );
    expect(issued.errors).toBeUndefined();
    expect(issued.data?.antragspaketAusgeben.ausgegebenDurch).toBe('JOBCENTER');

    const receipt = await system.query<{ antragEingangErfassen: { id: string; faelligAm: string } }>(
      `mutation Eingang($c: String!) { antragEingangErfassen(matrixCode: $c, eingangAm: "2015-11-16") { id faelligAm } }`,
      { c: issued.data!.antragspaketAusgeben.matrixCode },
      FAMILIENKASSE,
    );
    expect(receipt.data?.antragEingangErfassen.faelligAm).toBe('2015-11-30');
    const decision = await system.query(
      `mutation Bescheid($id: ID!) { antragBescheiden(antragId: $id, beschiedenAm: "2015-11-25", ergebnis: BEWILLIGT, monatsbetrag: 188,
         aufenthaltstitel: { art: AUFENTHALTSERLAUBNIS, rechtsgrundlage: "§ 25 Abs. 2 AufenthG", gueltigAb: "2015-11-02" },
         kinder: [{ vorname: "Lina", nachname: "Haddad", geburtsdatum: "2011-03-04", ordnungszahl: 1 }]) { ergebnis } }`,
      { id: receipt.data!.antragEingangErfassen.id },
      FAMILIENKASSE,
    );
    expect(decision.errors).toBeUndefined();
    // The Jobcenter may issue packets but not receive or decide them.
    const notMine = await system.query(
      `mutation { antragEingangErfassen(matrixCode: "${issued.data!.antragspaketAusgeben.matrixCode}", eingangAm: "2015-11-16") { id } }`,
      {},
      JOBCENTER,
    );
    expect(notMine.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const VIEW = `query Sicht($id: ID!) { person(id: $id) {
      kindergeldantraege { ergebnis monatsbetrag faelligAm slaStatus(stichtag: "2015-12-01") arbeitstageBisher(stichtag: "2015-12-01") }
      antragspakete { ausgegebenDurch antrag { faelligAm } } } }`;
    const before = await system.query(VIEW, { id: person.id }, JOBCENTER);
    expect(before.errors?.[0]?.extensions).toMatchObject({
      code: 'EINWILLIGUNG_FEHLT',
      eigentuemer: 'familienkasse',
      kategorie: 'kindergeld',
    });

    await recordDeclaration(system, {
      id: randomUUID(),
      personId: person.id,
      unterschriebenAm: '2015-11-10',
      freigaben: [{ von: 'FAMILIENKASSE', an: 'JOBCENTER', kategorien: ['KINDERGELD'] }],
    });
    const after = await system.query<{ person: { kindergeldantraege: unknown[]; antragspakete: unknown[] } }>(
      VIEW,
      { id: person.id },
      JOBCENTER,
    );
    expect(after.errors).toBeUndefined();
    expect(after.data?.person.kindergeldantraege).toEqual([
      {
        ergebnis: 'BEWILLIGT',
        monatsbetrag: 188,
        faelligAm: '2015-11-30',
        slaStatus: 'EINGEHALTEN',
        arbeitstageBisher: 7,
      },
    ]);
    expect(after.data?.person.antragspakete).toEqual([
      { ausgegebenDurch: 'JOBCENTER', antrag: { faelligAm: '2015-11-30' } },
    ]);
  });

  it('gives team leads the report and the Familienkasse the overdue list, through the gateway', async () => {
    // One application received on 16.11. and still open: overdue on 01.12., its due date being 30.11.
    const person = system.population.persons[3]!;
    const open = await kindergeldAntragEingegangen(system, person.id, {
      ausgegebenAm: '2015-11-10',
      eingangAm: '2015-11-16',
    });

    const report = await system.query<{
      kindergeldSlaBericht: { gesamt: { eingegangen: number; beschieden: number } };
    }>(
      `{ kindergeldSlaBericht(von: "2015-01-01", bis: "2015-12-31", stichtag: "2015-12-01") { gesamt { eingegangen beschieden quoteEingehalten } } }`,
      {},
      { agency: 'jobcenter', role: 'teamleitung' },
    );
    expect(report.errors).toBeUndefined();
    expect(report.data?.kindergeldSlaBericht.gesamt.eingegangen).toBeGreaterThan(0);

    // The demo region's flow leaves older applications overdue too (oldest due first): one page holds them all.
    const LIST = `{ ueberfaelligeKindergeldantraege(stichtag: "2015-12-01", first: 50) { totalCount edges { node { kindergeldnummer faelligAm slaStatus(stichtag: "2015-12-01") } } } }`;
    const list = await system.query<{
      ueberfaelligeKindergeldantraege: {
        totalCount: number;
        edges: { node: { kindergeldnummer: string; faelligAm: string; slaStatus: string } }[];
      };
    }>(
      LIST,
      {},
      {
        agency: 'familienkasse',
        role: 'teamleitung',
      },
    );
    expect(list.errors).toBeUndefined();
    const nodes = list.data!.ueberfaelligeKindergeldantraege.edges.map((edge) => edge.node);
    expect(nodes.length).toBe(list.data!.ueberfaelligeKindergeldantraege.totalCount);
    expect(nodes.map((node) => node.kindergeldnummer)).toContain(open.kindergeldnummer);
    expect(nodes.every((node) => node.slaStatus === 'UEBERFAELLIG')).toBe(true);
    expect(nodes.map((node) => node.faelligAm)).toEqual([...nodes.map((node) => node.faelligAm)].sort());
    expect(
      (await system.query(LIST, {}, { agency: 'jobcenter', role: 'teamleitung' })).errors?.[0]?.extensions?.['code'],
    ).toBe('FORBIDDEN');
  });
});
