import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDeclaration, type DemoPerson } from '@ip/kit/demo';
import { startSystem, type System } from './support/system.ts';

let system: System;
beforeAll(async () => {
  system = await startSystem({ households: 60 });
});
afterAll(async () => system?.stop());

const AGENTUR = { agency: 'agentur' as const, role: 'integrationsfachkraft' };
const JOBCENTER = { agency: 'jobcenter' as const, role: 'fallmanagement' };
const ABH = { agency: 'auslaenderbehoerde' as const, role: 'sachbearbeitung' };

const ANFRAGEN = `mutation Anfrage($p: ID!, $a: Anliegen!, $f: String!) { statusklaerungAnfragen(personId: $p, anliegen: $a, frage: $f) { id status gestelltDurch } }`;
type Anfrage = { statusklaerungAnfragen: { id: string; status: string; gestelltDurch: string } };

describe('status clarification through the gateway', () => {
  it('Agentur and Jobcenter ask, the ABH answers from its inbox, each asker sees its own', async () => {
    const consented = system.population.persons.filter(
      (person) => demoDeclaration(person, system.population.referenceDate)?.state === 'VOLLSTAENDIG',
    );
    const [fuerAgentur, fuerJobcenter] = consented as [DemoPerson, DemoPerson];

    const agentur = await system.query<Anfrage>(
      ANFRAGEN,
      { p: fuerAgentur.id, a: 'NEBENBESTIMMUNG', f: 'Gilt "Erwerbstätigkeit nicht gestattet" noch?' },
      AGENTUR,
    );
    const jobcenter = await system.query<Anfrage>(
      ANFRAGEN,
      { p: fuerJobcenter.id, a: 'AUFENTHALTSSTATUS', f: 'Ist die Anerkennung schon erfasst?' },
      JOBCENTER,
    );
    expect(agentur.data?.statusklaerungAnfragen).toMatchObject({ status: 'OFFEN', gestelltDurch: 'AGENTUR' });
    expect(jobcenter.data?.statusklaerungAnfragen).toMatchObject({ status: 'OFFEN', gestelltDurch: 'JOBCENTER' });
    const fk = await system.query(
      ANFRAGEN,
      { p: fuerAgentur.id, a: 'AUFENTHALTSSTATUS', f: 'Frage' },
      { agency: 'familienkasse', role: 'sachbearbeitung' },
    );
    expect(fk.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const inbox = await system.query<{
      statusklaerungEingang: {
        totalCount: number;
        edges: { node: { id: string; gestelltAm: string; person: { identitaet: { nachname: string } } } }[];
      };
    }>(
      `{ statusklaerungEingang(first: 100) { totalCount edges { node { id gestelltAm person { identitaet { nachname } } } } } }`,
      {},
      ABH,
    );
    const ids = inbox.data!.statusklaerungEingang.edges.map((edge) => edge.node.id);
    expect(ids).toEqual(
      expect.arrayContaining([agentur.data!.statusklaerungAnfragen.id, jobcenter.data!.statusklaerungAnfragen.id]),
    );
    const days = inbox.data!.statusklaerungEingang.edges.map((edge) => edge.node.gestelltAm);
    expect(days).toEqual([...days].sort());
    expect(
      inbox.data!.statusklaerungEingang.edges.find((edge) => edge.node.id === agentur.data!.statusklaerungAnfragen.id)
        ?.node.person.identitaet.nachname,
    ).toBe(fuerAgentur.nachname);
    expect(
      (await system.query(`{ statusklaerungEingang { totalCount } }`, {}, AGENTUR)).errors?.[0]?.extensions?.['code'],
    ).toBe('FORBIDDEN');

    const answered = await system.query<{ statusklaerungBeantworten: { status: string; beantwortetVon: string } }>(
      `mutation($id: ID!) { statusklaerungBeantworten(id: $id, antwort: "Überholt; geändert.", neuerStatus: {
         art: AUFENTHALTSGESTATTUNG, rechtsgrundlage: "§ 55 Abs. 1 AsylG", gueltigAb: "2016-01-04",
         nebenbestimmungen: ["Beschäftigung nur mit Erlaubnis der Ausländerbehörde gestattet"] }) { status beantwortetVon } }`,
      { id: agentur.data!.statusklaerungAnfragen.id },
      ABH,
    );
    expect(answered.data?.statusklaerungBeantworten).toEqual({
      status: 'BEANTWORTET',
      beantwortetVon: 'auslaenderbehoerde-sachbearbeitung',
    });
    const again = await system.query(
      `mutation($id: ID!) { statusklaerungBeantworten(id: $id, antwort: "nochmal") { status } }`,
      { id: agentur.data!.statusklaerungAnfragen.id },
      ABH,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', grund: 'NICHT_OFFEN' });

    const mine = await system.query<{
      meineStatusklaerungen: { edges: { node: { id: string; antwort: string | null; status: string } }[] };
    }>(`{ meineStatusklaerungen { edges { node { id status antwort } } } }`, {}, AGENTUR);
    expect(mine.data?.meineStatusklaerungen.edges.map((edge) => edge.node)).toContainEqual({
      id: agentur.data!.statusklaerungAnfragen.id,
      status: 'BEANTWORTET',
      antwort: 'Überholt; geändert.',
    });

    // Each agency sees its own requests about a person; the Ausländerbehörde sees all.
    const VIEW = `query($id: ID!) { person(id: $id) { statusklaerungen { id gestelltDurch } } }`;
    const asJobcenter = await system.query<{ person: { statusklaerungen: unknown[] } }>(
      VIEW,
      { id: fuerAgentur.id },
      JOBCENTER,
    );
    expect(asJobcenter.data?.person.statusklaerungen).toEqual([]);
    const asAgentur = await system.query<{ person: { statusklaerungen: { id: string }[] } }>(
      VIEW,
      { id: fuerAgentur.id },
      AGENTUR,
    );
    expect(asAgentur.data?.person.statusklaerungen.map((klaerung) => klaerung.id)).toContain(
      agentur.data!.statusklaerungAnfragen.id,
    );

    // Only the asking agency withdraws.
    const WITHDRAW = `mutation($id: ID!) { statusklaerungZurueckziehen(id: $id) { status } }`;
    expect(
      (await system.query(WITHDRAW, { id: jobcenter.data!.statusklaerungAnfragen.id }, AGENTUR)).errors?.[0]
        ?.extensions?.['code'],
    ).toBe('FORBIDDEN');
    expect((await system.query(WITHDRAW, { id: jobcenter.data!.statusklaerungAnfragen.id }, JOBCENTER)).data).toEqual({
      statusklaerungZurueckziehen: { status: 'ZURUECKGEZOGEN' },
    });
  });

  it('gives team leads the turnaround in working days', async () => {
    const overview = await system.query<{
      statusklaerungUebersicht: { offen: number; aelterAlsSchwelle: number; schwelleArbeitstage: number };
    }>(
      `{ statusklaerungUebersicht(stichtag: "2015-12-01") { offen aelterAlsSchwelle schwelleArbeitstage } }`,
      {},
      { agency: 'jobcenter', role: 'teamleitung' },
    );
    expect(overview.errors).toBeUndefined();
    const figures = overview.data!.statusklaerungUebersicht;
    expect(figures.schwelleArbeitstage).toBe(5);
    expect(figures.offen).toBeGreaterThan(0);
    expect(figures.aelterAlsSchwelle).toBeLessThanOrEqual(figures.offen);
    expect(
      (await system.query(`{ statusklaerungUebersicht { offen } }`, {}, JOBCENTER)).errors?.[0]?.extensions?.['code'],
    ).toBe('FORBIDDEN');
  });
});
