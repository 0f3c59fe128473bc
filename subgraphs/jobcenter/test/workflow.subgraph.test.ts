import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraphUnderTest, type SubgraphUnderTest } from '@ip/kit/testing';
import { prepareDatabase, startJobcenter, type JobcenterDatabase } from '../src/server.ts';

let jc: SubgraphUnderTest<JobcenterDatabase>;
beforeAll(async () => {
  jc = await startSubgraphUnderTest({
    name: 'jobcenter',
    prepareDatabase,
    start: startJobcenter,
    caller: { agency: 'jobcenter', role: 'sachbearbeitung' },
  });
});
afterAll(async () => jc?.close());

const P = (n: number) => `6f1c2a4e-1d7b-4c3e-9a51-2b8d7e0f4b${String(n).padStart(2, '0')}`;
const OPEN = `mutation($n: String!, $m: [BgMitgliedInput!]!) { bedarfsgemeinschaftEroeffnen(bgNummer: $n, gegruendetAm: "2015-11-02", mitglieder: $m) { id bgNummer mitglieder { rolle } } }`;
const mitglied = (n: number, rolle: string, geburtsdatum: string) => ({
  personId: P(n),
  rolle,
  geburtsdatum,
  seit: '2015-11-02',
});
type Opened = { bedarfsgemeinschaftEroeffnen: { id: string; mitglieder: { rolle: string }[] } };

describe('Bedarfsgemeinschaft and SGB II applications', () => {
  it('opens a BG, refuses a child as applicant and a person in two BGs, and extends a BG', async () => {
    const ok = await jc.ask<Opened>(OPEN, {
      n: '36201BG0000001',
      m: [mitglied(1, 'ANTRAGSTELLENDE_PERSON', '1980-01-01'), mitglied(2, 'KIND', '2010-05-05')],
    });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data?.bedarfsgemeinschaftEroeffnen.mitglieder.map((m) => m.rolle)).toEqual([
      'ANTRAGSTELLENDE_PERSON',
      'KIND',
    ]);

    const kind = await jc.ask(OPEN, { n: '36201BG0000002', m: [mitglied(3, 'ANTRAGSTELLENDE_PERSON', '2005-01-01')] });
    expect(kind.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mitglieder' });
    expect(kind.body.errors?.[0]?.message).toMatch(/child cannot be the applicant/);

    const twice = await jc.ask(OPEN, { n: '36201BG0000003', m: [mitglied(1, 'ANTRAGSTELLENDE_PERSON', '1980-01-01')] });
    expect(twice.body.errors?.[0]?.message).toMatch(/already belongs/);

    const bgId = ok.body.data!.bedarfsgemeinschaftEroeffnen.id;
    const extended = await jc.ask<{ bgMitgliedHinzufuegen: { mitglieder: { rolle: string }[] } }>(
      `mutation($bg: ID!, $m: BgMitgliedInput!) { bgMitgliedHinzufuegen(bgId: $bg, mitglied: $m) { mitglieder { rolle } } }`,
      { bg: bgId, m: mitglied(4, 'PARTNER', '1982-02-02') },
    );
    expect(extended.body.data?.bgMitgliedHinzufuegen.mitglieder.map((m) => m.rolle)).toEqual([
      'ANTRAGSTELLENDE_PERSON',
      'PARTNER',
      'KIND',
    ]);
  });

  it("records a child's need in whole cents and refuses anything else naming the field", async () => {
    const withNeed = await jc.ask<{ bedarfsgemeinschaftEroeffnen: { mitglieder: { monatsbedarf: number | null }[] } }>(
      `mutation($n: String!, $m: [BgMitgliedInput!]!) { bedarfsgemeinschaftEroeffnen(bgNummer: $n, gegruendetAm: "2015-11-02", mitglieder: $m) { mitglieder { monatsbedarf } } }`,
      {
        n: '36201BG0000020',
        m: [
          mitglied(20, 'ANTRAGSTELLENDE_PERSON', '1980-01-01'),
          { ...mitglied(21, 'KIND', '2010-05-05'), monatsbedarf: 371.67 },
        ],
      },
    );
    expect(withNeed.body.errors).toBeUndefined();
    expect(withNeed.body.data?.bedarfsgemeinschaftEroeffnen.mitglieder.map((m) => m.monatsbedarf)).toEqual([
      null,
      371.67,
    ]);
    const tooFine = await jc.ask(OPEN, {
      n: '36201BG0000021',
      m: [
        mitglied(22, 'ANTRAGSTELLENDE_PERSON', '1980-01-01'),
        { ...mitglied(23, 'KIND', '2010-05-05'), monatsbedarf: 0.001 },
      ],
    });
    expect(tooFine.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'mitglieder[1].monatsbedarf',
    });
  });

  it('decides an application and refuses overlapping periods, negative amounts and a decision before receipt', async () => {
    const opened = await jc.ask<Opened>(OPEN, {
      n: '36201BG0000010',
      m: [mitglied(10, 'ANTRAGSTELLENDE_PERSON', '1975-01-01')],
    });
    const bgId = opened.body.data!.bedarfsgemeinschaftEroeffnen.id;
    const antrag = async (eingangAm: string) =>
      (
        await jc.ask<{ leistungsantragErfassen: { id: string } }>(
          `mutation($bg: ID!, $e: Date!) { leistungsantragErfassen(bgId: $bg, eingangAm: $e) { id } }`,
          { bg: bgId, e: eingangAm },
        )
      ).body.data!.leistungsantragErfassen.id;
    const DECIDE = `mutation($id: ID!, $am: Date!, $ab: Date, $bis: Date, $r: Float, $u: Float) {
      leistungsantragBescheiden(antragId: $id, beschiedenAm: $am, ergebnis: BEWILLIGT, bewilligtAb: $ab, bewilligtBis: $bis, regelbedarf: $r, unterkunft: $u) { status regelbedarf unterkunft } }`;
    const first = await antrag('2015-11-02');
    const granted = await jc.ask(DECIDE, {
      id: first,
      am: '2015-11-20',
      ab: '2015-11-01',
      bis: '2016-04-30',
      r: 399,
      u: 350,
    });
    expect(granted.body.data).toEqual({
      leistungsantragBescheiden: { status: 'BEWILLIGT', regelbedarf: 399, unterkunft: 350 },
    });

    const second = await antrag('2016-04-01');
    for (const [variables, field] of [
      [{ id: second, am: '2016-04-20', ab: '2016-04-01', bis: '2016-09-30', r: 399, u: 350 }, 'bewilligtAb'],
      [{ id: second, am: '2016-04-20', ab: '2016-05-01', bis: '2016-10-31', r: -1, u: 350 }, 'regelbedarf'],
      [{ id: second, am: '2016-04-20', ab: '2016-05-01', bis: '2016-10-31', r: 0.001, u: 350 }, 'regelbedarf'],
      [{ id: second, am: '2016-04-20', ab: '2016-05-01', bis: '2016-10-31', r: 1e308, u: 350 }, 'regelbedarf'],
      [{ id: second, am: '2016-04-20', ab: '2016-05-01', bis: '2016-10-31', r: 404, u: 350.005 }, 'unterkunft'],
      [{ id: second, am: '2016-04-20', ab: '2016-05-01', bis: '2016-10-31', r: 404, u: 10_000 }, 'unterkunft'],
      [{ id: second, am: '2016-03-31', ab: '2016-05-01', bis: '2016-10-31', r: 399, u: 350 }, 'beschiedenAm'],
    ] as const) {
      const { body } = await jc.ask(DECIDE, variables);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const next = await jc.ask(DECIDE, {
      id: second,
      am: '2016-04-20',
      ab: '2016-05-01',
      bis: '2016-10-31',
      r: 404,
      u: 360.27,
    });
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data).toMatchObject({ leistungsantragBescheiden: { regelbedarf: 404, unterkunft: 360.27 } });
    expect(
      (await jc.ask(DECIDE, { id: second, am: '2016-04-21', ab: '2016-05-01', bis: '2016-10-31', r: 404, u: 360 })).body
        .errors?.[0]?.extensions?.['grund'],
    ).toBe('BEREITS_BESCHIEDEN');
  });

  it('refuses BEANTRAGT as the result of a decision, naming ergebnis, and leaves the application open', async () => {
    const opened = await jc.ask<Opened>(OPEN, {
      n: '36201BG0000030',
      m: [mitglied(30, 'ANTRAGSTELLENDE_PERSON', '1975-01-01')],
    });
    const bg = opened.body.data!.bedarfsgemeinschaftEroeffnen.id;
    const erfasst = await jc.ask<{ leistungsantragErfassen: { id: string } }>(
      `mutation($bg: ID!) { leistungsantragErfassen(bgId: $bg, eingangAm: "2015-11-02") { id } }`,
      { bg },
    );
    const id = erfasst.body.data!.leistungsantragErfassen.id;
    const open = await jc.ask(
      `mutation($id: ID!) { leistungsantragBescheiden(antragId: $id, beschiedenAm: "2015-11-20", ergebnis: BEANTRAGT) { status } }`,
      { id },
    );
    expect(open.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ergebnis' });
    const refused = await jc.ask(
      `mutation($id: ID!) { leistungsantragBescheiden(antragId: $id, beschiedenAm: "2015-11-20", ergebnis: ABGELEHNT) { status } }`,
      { id },
    );
    expect(refused.body.data).toEqual({ leistungsantragBescheiden: { status: 'ABGELEHNT' } });
  });

  it('lets only the Jobcenter record, and records the change of sphere once', async () => {
    const agentur = await jc.ask(
      OPEN,
      { n: '36201BG0000020', m: [mitglied(20, 'ANTRAGSTELLENDE_PERSON', '1980-01-01')] },
      'agentur',
      'integrationsfachkraft',
    );
    expect(agentur.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const WECHSEL = `mutation($p: ID!, $s: Date!) { rechtskreiswechselErfassen(personId: $p, anerkanntAm: "2015-11-02", sgb2Ab: $s) { sgb2Ab } }`;
    expect((await jc.ask(WECHSEL, { p: P(21), s: '2015-11-01' })).body.errors?.[0]?.extensions?.['field']).toBe(
      'sgb2Ab',
    );
    expect((await jc.ask(WECHSEL, { p: P(21), s: '2015-12-01' })).body.errors).toBeUndefined();
    expect((await jc.ask(WECHSEL, { p: P(21), s: '2015-12-01' })).body.errors).toBeUndefined();
    expect((await jc.ask(WECHSEL, { p: P(21), s: '2016-01-01' })).body.errors?.[0]?.extensions?.['grund']).toBe(
      'BEREITS_ERFASST',
    );
  });
});
