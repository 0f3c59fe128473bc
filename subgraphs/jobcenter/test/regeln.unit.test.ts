import { describe, expect, it } from 'vitest';
import { pruefeBescheid, pruefeMitglieder, type MitgliedEingabe } from '../src/domain/bg-regeln.ts';
import { kindergeldAlsEinkommen } from '../src/domain/kindergeld-einkommen.ts';
import { asylblgStand, findeLuecken, type Wechselakte } from '../src/domain/luecken.ts';
import { bestimmeRechtskreis } from '../src/domain/rechtskreis.ts';

const m = (
  personId: string,
  rolle: MitgliedEingabe['rolle'],
  geburtsdatum: string,
  seit = '2015-12-01',
): MitgliedEingabe => ({ personId, rolle, geburtsdatum, seit });

describe('Bedarfsgemeinschaft members', () => {
  it.each([
    [
      'applicant, partner and two children',
      [
        m('a', 'ANTRAGSTELLENDE_PERSON', '1980-01-01'),
        m('b', 'PARTNER', '1982-05-05'),
        m('c', 'KIND', '2010-01-01'),
        m('d', 'KIND', '2014-03-03'),
      ],
      [],
    ],
    ['no applicant', [m('b', 'PARTNER', '1982-05-05')], ['a Bedarfsgemeinschaft has exactly one applicant']],
    [
      'two applicants',
      [m('a', 'ANTRAGSTELLENDE_PERSON', '1980-01-01'), m('b', 'ANTRAGSTELLENDE_PERSON', '1982-05-05')],
      ['a Bedarfsgemeinschaft has exactly one applicant'],
    ],
    [
      'a child as the applicant',
      [m('c', 'ANTRAGSTELLENDE_PERSON', '2005-01-01')],
      ['a child cannot be the applicant (under 15, § 7 Abs. 1 Nr. 1 SGB II)'],
    ],
    ['the applicant turned 15 that day', [m('c', 'ANTRAGSTELLENDE_PERSON', '2000-12-01')], []],
    [
      'a "child" of 25',
      [m('a', 'ANTRAGSTELLENDE_PERSON', '1960-01-01'), m('c', 'KIND', '1990-11-30')],
      ['a child of the Bedarfsgemeinschaft is under 25 (§ 7 Abs. 3 Nr. 4 SGB II)'],
    ],
    [
      'two partners',
      [
        m('a', 'ANTRAGSTELLENDE_PERSON', '1980-01-01'),
        m('b', 'PARTNER', '1982-05-05'),
        m('e', 'PARTNER', '1983-05-05'),
      ],
      ['a Bedarfsgemeinschaft has at most one partner'],
    ],
    [
      'a person twice',
      [m('a', 'ANTRAGSTELLENDE_PERSON', '1980-01-01'), m('a', 'PARTNER', '1980-01-01')],
      ['a person is a member once'],
    ],
  ] as const)('%s', (_, mitglieder, messages) => {
    expect(pruefeMitglieder(mitglieder).map((verstoss) => verstoss.message)).toEqual(messages);
  });
});

describe('decisions on SGB II applications', () => {
  const grant = (ab: string, bis: string, regelbedarf = 399, unterkunft = 350) => ({
    ab,
    bis,
    regelbedarf,
    unterkunft,
  });
  it.each([
    [
      'a grant after receipt',
      { eingangAm: '2015-11-02', beschiedenAm: '2015-11-20', bewilligung: grant('2015-11-01', '2016-04-30') },
      [],
      [],
    ],
    ['a refusal', { eingangAm: '2015-11-02', beschiedenAm: '2015-11-20', bewilligung: null }, [], []],
    [
      'decided before receipt',
      { eingangAm: '2015-11-02', beschiedenAm: '2015-11-01', bewilligung: null },
      [],
      ['beschiedenAm'],
    ],
    [
      'a period ending before it starts',
      { eingangAm: '2015-11-02', beschiedenAm: '2015-11-20', bewilligung: grant('2016-04-30', '2015-11-01') },
      [],
      ['bewilligtBis'],
    ],
    [
      'negative amounts',
      { eingangAm: '2015-11-02', beschiedenAm: '2015-11-20', bewilligung: grant('2015-11-01', '2016-04-30', -1, -5) },
      [],
      ['regelbedarf', 'unterkunft'],
    ],
    [
      'overlapping the previous grant',
      { eingangAm: '2016-04-01', beschiedenAm: '2016-04-20', bewilligung: grant('2016-04-01', '2016-09-30') },
      [{ ab: '2015-11-01', bis: '2016-04-30' }],
      ['bewilligtAb'],
    ],
    [
      'following the previous grant',
      { eingangAm: '2016-04-01', beschiedenAm: '2016-04-20', bewilligung: grant('2016-05-01', '2016-10-31') },
      [{ ab: '2015-11-01', bis: '2016-04-30' }],
      [],
    ],
  ] as const)('%s', (_, bescheid, andere, fields) => {
    expect(pruefeBescheid(bescheid, andere).map((verstoss) => verstoss.field)).toEqual(fields);
  });
});

/** A child of a grant with the table's spans (§ 66 Abs. 1 EStG: 188 in 2015, 190 from 2016 for the 1st and 2nd child). */
const kind = (id: string | null, ab: string, betraege: readonly [number, number] = [188, 190]) => ({
  person: id ? { id } : null,
  vorname: id ?? 'ohne',
  geburtsdatum: '2010-01-01',
  satzverlauf: [
    ...(ab < '2016-01-01' ? [{ ab, bis: '2015-12-31', betrag: betraege[0] }] : []),
    { ab: ab < '2016-01-01' ? '2016-01-01' : ab, bis: '2016-12-31', betrag: betraege[1] },
  ],
});
const grant = (bewilligtAb: string | null, beschiedenAm: string, kinder: ReturnType<typeof kind>[]) => ({
  ergebnis: 'BEWILLIGT' as const,
  bewilligtAb,
  beschiedenAm,
  kinder,
});
const offen = { ergebnis: null, bewilligtAb: null, beschiedenAm: null, kinder: [] };
const abgelehnt = { ergebnis: 'ABGELEHNT' as const, bewilligtAb: null, beschiedenAm: '2015-11-20', kinder: [] };
/** The parent's BG: child c needs 400 EUR, child d only 150 EUR (say, other income covers the rest), e has no need recorded. */
const bg = new Map<string, number | null>([
  ['c', 40_000],
  ['d', 15_000],
  ['e', null],
]);

describe('Kindergeld as income (§ 11 Abs. 1 S. 4 SGB II i. d. F. vom 24.03.2011; S. 5 from 01.08.2016)', () => {
  it.each([
    [
      "a grant counts, all of it the child's within its need",
      [grant('2015-11-01', '2015-11-20', [kind('c', '2015-11-01')])],
      '2015-12-10',
      'ANGERECHNET',
      188,
      188,
      0,
    ],
    [
      "the table's amount of the month, not of the first month",
      [grant('2015-11-01', '2015-11-20', [kind('c', '2015-11-01')])],
      '2016-02-01',
      'ANGERECHNET',
      190,
      190,
      0,
    ],
    [
      "beyond the child's need the rest is the parent's",
      [grant('2015-11-01', '2015-11-20', [kind('d', '2015-11-01')])],
      '2015-12-01',
      'ANGERECHNET',
      188,
      150,
      38,
    ],
    [
      "a child outside the BG: the parent's income",
      [grant('2015-11-01', '2015-11-20', [kind('x', '2015-11-01')])],
      '2015-12-01',
      'ANGERECHNET',
      188,
      0,
      188,
    ],
    [
      'a newer grant supersedes the older one for the same child',
      [
        grant('2015-11-01', '2015-11-20', [kind('c', '2015-11-01')]),
        grant('2016-01-01', '2016-02-01', [kind('c', '2016-01-01', [188, 221])]),
      ],
      '2016-03-01',
      'ANGERECHNET',
      221,
      221,
      0,
    ],
    [
      'before the newer grant the older one stays in force',
      [
        grant('2015-11-01', '2015-11-20', [kind('c', '2015-11-01')]),
        grant('2016-01-01', '2016-02-01', [kind('c', '2016-01-01', [188, 221])]),
      ],
      '2015-12-01',
      'ANGERECHNET',
      188,
      188,
      0,
    ],
    [
      'grants for different children add up',
      [
        grant('2015-11-01', '2015-11-20', [kind('c', '2015-11-01')]),
        grant('2016-01-01', '2016-02-01', [kind('d', '2016-01-01')]),
      ],
      '2016-01-15',
      'ANGERECHNET',
      380,
      340,
      40,
    ],
    [
      'need not recorded: split open, not guessed',
      [grant('2015-11-01', '2015-11-20', [kind('e', '2015-11-01')])],
      '2015-12-01',
      'ANGERECHNET',
      188,
      null,
      null,
    ],
    [
      'granted from a later month: nothing this month',
      [grant('2016-01-01', '2016-02-01', [kind('c', '2016-01-01')])],
      '2015-12-01',
      'BEWILLIGT_ERST_SPAETER',
      0,
      0,
      0,
    ],
    [
      'a month beyond the table: amount unknown, not 0',
      [grant('2015-11-01', '2015-11-20', [kind('c', '2015-11-01')])],
      '2017-01-01',
      'ANGERECHNET',
      null,
      null,
      null,
    ],
    ['not yet decided: stated, not 0', [offen], '2015-12-01', 'BEANTRAGT_NICHT_BESCHIEDEN', null, null, null],
    ['refused: 0', [abgelehnt], '2015-12-01', 'ABGELEHNT', 0, 0, 0],
    ['no application: stated, not 0', [], '2015-12-01', 'KEIN_ANTRAG', null, null, null],
  ] as const)('%s', (_, antraege, monat, status, monatsbetrag, einkommenKinder, einkommenEltern) => {
    expect(kindergeldAlsEinkommen(antraege, monat, bg)).toMatchObject({
      status,
      monatsbetrag,
      einkommenKinder,
      einkommenEltern,
    });
  });

  it.each([
    ['2015-12-01', '§ 11 Abs. 1 S. 4 SGB II'],
    ['2016-07-31', '§ 11 Abs. 1 S. 4 SGB II'],
    ['2016-08-01', '§ 11 Abs. 1 S. 5 SGB II'],
  ])('cites the sentence in force in %s', (monat, paragraph) => {
    expect(
      kindergeldAlsEinkommen([grant('2015-11-01', '2015-11-20', [kind('c', '2015-11-01')])], monat, bg).hinweis,
    ).toContain(paragraph);
  });
});

describe('legal sphere on a day', () => {
  const gestattung = {
    art: 'AUFENTHALTSGESTATTUNG',
    gueltigAb: '2015-03-01',
    gueltigBis: '2015-10-31',
    rechtsgrundlage: '§ 55 Abs. 1 AsylG',
  } as const;
  const titel = {
    art: 'AUFENTHALTSERLAUBNIS',
    gueltigAb: '2015-11-01',
    gueltigBis: null,
    rechtsgrundlage: '§ 25 Abs. 2 AufenthG',
  } as const;
  const erlaubnis = (rechtsgrundlage: string) => ({
    verlauf: [gestattung, { ...titel, rechtsgrundlage }],
    bewilligungen: [],
    sgb2Ab: null,
    asylbewerberleistungen: [],
  });
  it.each([
    [
      'in the asylum procedure',
      { verlauf: [gestattung, titel], bewilligungen: [], sgb2Ab: null, asylbewerberleistungen: [] },
      '2015-10-15',
      'SGB_III',
    ],
    [
      'recognised, nothing at the Jobcenter yet',
      { verlauf: [gestattung, titel], bewilligungen: [], sgb2Ab: null, asylbewerberleistungen: [] },
      '2015-11-15',
      'KEINER',
    ],
    [
      'recognised, change of sphere recorded',
      { verlauf: [gestattung, titel], bewilligungen: [], sgb2Ab: '2015-11-01', asylbewerberleistungen: [] },
      '2015-11-15',
      'SGB_II',
    ],
    [
      'granted SGB II',
      {
        verlauf: [gestattung, titel],
        bewilligungen: [{ ab: '2015-11-01', bis: '2016-04-30' }],
        sgb2Ab: null,
        asylbewerberleistungen: [],
      },
      '2016-01-15',
      'SGB_II',
    ],
    [
      'grant ended, no change recorded',
      {
        verlauf: [gestattung, titel],
        bewilligungen: [{ ab: '2015-11-01', bis: '2016-04-30' }],
        sgb2Ab: null,
        asylbewerberleistungen: [],
      },
      '2016-05-01',
      'KEINER',
    ],
    [
      'tolerated',
      {
        verlauf: [
          { art: 'DULDUNG', gueltigAb: '2015-01-01', gueltigBis: null, rechtsgrundlage: '§ 60a Abs. 2 AufenthG' },
        ],
        bewilligungen: [],
        sgb2Ab: null,
        asylbewerberleistungen: [],
      },
      '2015-06-01',
      'SGB_III',
    ],
    // § 1 Abs. 1 Nr. 3 AsylbLG (Gesetz vom 10.12.2014, BGBl. I S. 2187, from 01.03.2015)
    ['§ 23 Abs. 1 (war): AsylbLG', erlaubnis('§ 23 Abs. 1 AufenthG'), '2015-11-15', 'ASYLBLG'],
    ['§ 24 (temporary protection): AsylbLG', erlaubnis('§ 24 AufenthG'), '2015-11-15', 'ASYLBLG'],
    ['§ 25 Abs. 4 S. 1: AsylbLG', erlaubnis('§ 25 Abs. 4 S. 1 AufenthG'), '2015-11-15', 'ASYLBLG'],
    ['§ 25 Abs. 4 Satz 1, written out: AsylbLG', erlaubnis('§ 25 Abs. 4 Satz 1 AufenthG'), '2015-11-15', 'ASYLBLG'],
    ['§ 25 Abs. 5: AsylbLG', erlaubnis('§ 25 Abs. 5 AufenthG'), '2015-11-15', 'ASYLBLG'],
    ['§ 25 Abs. 4 S. 2 (extension): not AsylbLG', erlaubnis('§ 25 Abs. 4 S. 2 AufenthG'), '2015-11-15', 'KEINER'],
    ['§ 25 Abs. 3: not AsylbLG, SGB II possible', erlaubnis('§ 25 Abs. 3 AufenthG'), '2015-11-15', 'KEINER'],
    [
      '§ 25 Abs. 5 with SGB II granted anyway: the grant decides',
      { ...erlaubnis('§ 25 Abs. 5 AufenthG'), bewilligungen: [{ ab: '2015-11-01', bis: '2016-04-30' }] },
      '2015-11-15',
      'SGB_II',
    ],
  ] as const)('%s', (_, fakten, stichtag, rechtskreis) => {
    expect(bestimmeRechtskreis(fakten, stichtag)).toBe(rechtskreis);
  });

  // Recognised 13.11.2015 (permit from that day): the Sozialamt pays to the end of the month (§ 1 Abs. 3 AsylbLG).
  const anerkannt = {
    verlauf: [
      { ...gestattung, gueltigBis: '2015-11-12' },
      { ...titel, gueltigAb: '2015-11-13' },
    ],
    bewilligungen: [],
    sgb2Ab: null,
  };
  it.each([
    [
      'the Sozialamt pays to the end of the month of recognition: AsylbLG, no gap',
      [{ ab: '2015-03-01', bis: '2015-11-30' }],
      '2015-11-20',
      'ASYLBLG',
    ],
    ['after its real last day, nothing yet: a gap', [{ ab: '2015-03-01', bis: '2015-11-30' }], '2015-12-01', 'KEINER'],
    ['it stopped early: a gap from the next day', [{ ab: '2015-03-01', bis: '2015-11-15' }], '2015-11-16', 'KEINER'],
    ['still paying, no end recorded yet', [{ ab: '2015-03-01', bis: null }], '2015-12-10', 'ASYLBLG'],
    ['the Sozialamt paid nothing: the papers decide', [], '2015-11-20', 'KEINER'],
    ['the Sozialamt did not release its periods, and they would decide: no answer', null, '2015-11-20', null],
  ] as const)("by the Sozialamt's real last day: %s", (_, asylbewerberleistungen, stichtag, rechtskreis) => {
    expect(bestimmeRechtskreis({ ...anerkannt, asylbewerberleistungen }, stichtag)).toBe(rechtskreis);
  });

  it.each([
    ['in the procedure', { ...anerkannt, asylbewerberleistungen: null }, '2015-11-01', 'SGB_III'],
    ['SGB II granted', { ...anerkannt, asylbewerberleistungen: null, sgb2Ab: '2015-12-01' }, '2015-12-01', 'SGB_II'],
    ['§ 25 Abs. 5', { ...erlaubnis('§ 25 Abs. 5 AufenthG'), asylbewerberleistungen: null }, '2015-11-15', 'ASYLBLG'],
  ] as const)(
    "decided without the Sozialamt's periods where they would not change it: %s",
    (_, fakten, stichtag, rechtskreis) => {
      expect(bestimmeRechtskreis(fakten, stichtag)).toBe(rechtskreis);
    },
  );

  it('an SGB II grant still decides over a running AsylbLG period', () => {
    expect(
      bestimmeRechtskreis(
        {
          ...anerkannt,
          bewilligungen: [{ ab: '2015-11-01', bis: '2016-04-30' }],
          asylbewerberleistungen: [{ ab: '2015-03-01', bis: '2015-11-30' }],
        },
        '2015-11-20',
      ),
    ).toBe('SGB_II');
  });
});

describe('gaps at the change of legal sphere', () => {
  const sauber: Wechselakte = {
    personId: 'sauber',
    anerkanntAm: '2015-10-01',
    asylblgBis: '2015-10-31',
    sgb2Ab: '2015-11-01',
    antraegeEingang: ['2015-10-05'],
    bewilligungen: [{ ab: '2015-10-01', bis: '2016-03-31' }],
  };
  const ohneAntrag: Wechselakte = { ...sauber, personId: 'ohne-antrag', antraegeEingang: [], bewilligungen: [] };
  const spaeterAntrag: Wechselakte = { ...sauber, personId: 'spaeter-antrag', antraegeEingang: ['2015-11-20'] };
  const asylblgLuecke: Wechselakte = { ...sauber, personId: 'asylblg-luecke', asylblgBis: '2015-10-15' };
  const nichtBewilligt: Wechselakte = { ...sauber, personId: 'nicht-bewilligt', bewilligungen: [] };
  // An application received any day of the month SGB II begins works back to its first (§ 37 Abs. 2 S. 2 SGB II).
  const imStartmonat: Wechselakte = { ...sauber, personId: 'im-startmonat', antraegeEingang: ['2015-11-30'] };
  const naechsterMonat: Wechselakte = {
    ...sauber,
    personId: 'naechster-monat',
    antraegeEingang: ['2015-12-01'],
    bewilligungen: [{ ab: '2015-12-01', bis: '2016-05-31' }],
  };
  const schwellen = { bewilligungNachTagen: 30 };

  it('finds every kind of gap and no false hit for a clean change of sphere', () => {
    const found = findeLuecken(
      [sauber, ohneAntrag, spaeterAntrag, asylblgLuecke, nichtBewilligt, imStartmonat, naechsterMonat],
      '2015-12-15',
      schwellen,
    );
    expect(found.map((luecke) => [luecke.personId, luecke.grund, luecke.seit, luecke.bis])).toEqual([
      ['asylblg-luecke', 'ASYLBLG_ENDE_VOR_SGB2', '2015-10-16', '2015-10-31'],
      ['naechster-monat', 'ANERKENNUNG_OHNE_SGB2_ANTRAG', '2015-11-01', null],
      ['naechster-monat', 'SGB2_BEGINN_NICHT_BEWILLIGT', '2015-11-01', null],
      ['nicht-bewilligt', 'SGB2_BEGINN_NICHT_BEWILLIGT', '2015-11-01', null],
      ['ohne-antrag', 'ANERKENNUNG_OHNE_SGB2_ANTRAG', '2015-11-01', null],
      ['ohne-antrag', 'SGB2_BEGINN_NICHT_BEWILLIGT', '2015-11-01', null],
    ]);
  });

  it("uses the Sozialamt's real last day over the one the Jobcenter recorded, and says whose it is", () => {
    // Recorded at the hand-over as 15 October (a guess); the Sozialamt really paid to 31 October: no gap.
    const bezahlt: Wechselakte = {
      ...asylblgLuecke,
      asylbewerberleistungen: [{ ab: '2015-02-01', bis: '2015-10-31' }],
    };
    expect(findeLuecken([bezahlt], '2015-12-15', schwellen)).toEqual([]);
    // Recorded as 31 October, but the Sozialamt stopped on 20 October: the real gap.
    const gestoppt: Wechselakte = { ...sauber, asylbewerberleistungen: [{ ab: '2015-02-01', bis: '2015-10-20' }] };
    const [luecke] = findeLuecken([gestoppt], '2015-12-15', schwellen);
    expect([luecke?.grund, luecke?.seit, luecke?.bis]).toEqual(['ASYLBLG_ENDE_VOR_SGB2', '2015-10-21', '2015-10-31']);
    expect(luecke?.hinweis).toContain('AsylbLG bis 2015-10-20 (laut Sozialamt)');
    // Still paying: no AsylbLG gap, whatever was recorded.
    const laeuft: Wechselakte = { ...asylblgLuecke, asylbewerberleistungen: [{ ab: '2015-02-01', bis: null }] };
    expect(findeLuecken([laeuft], '2015-12-15', schwellen)).toEqual([]);
    // Nothing paid by this Sozialamt: the recorded day stands, and the note says so.
    const unbekannt: Wechselakte = { ...asylblgLuecke, asylbewerberleistungen: [] };
    expect(findeLuecken([unbekannt], '2015-12-15', schwellen)[0]?.hinweis).toContain('laut Erfassung des Jobcenters');
  });

  it.each([
    ['§ 23 Abs. 1 AufenthG', 0],
    ['§ 24 AufenthG', 0],
    ['§ 25 Abs. 4 S. 1 AufenthG', 0],
    ['§ 25 Abs. 5 AufenthG', 0],
    ['§ 25 Abs. 2 AufenthG', 2],
  ] as const)('a permit under %s: under the AsylbLG, not in a gap (%i gaps otherwise)', (aufenthaltstitel, anzahl) => {
    const akte: Wechselakte = { ...ohneAntrag, aufenthaltstitel };
    expect(findeLuecken([akte], '2015-12-15', schwellen)).toHaveLength(anzahl);
  });

  it.each([
    ['none', [], { stand: 'KEINE' }],
    [
      'one running',
      [
        { ab: '2015-01-01', bis: '2015-06-30' },
        { ab: '2015-07-01', bis: null },
      ],
      { stand: 'LAEUFT' },
    ],
    [
      'ended, newest last day',
      [
        { ab: '2015-07-01', bis: '2015-11-30' },
        { ab: '2015-01-01', bis: '2015-06-30' },
      ],
      { stand: 'BEENDET', letzterTag: '2015-11-30' },
    ],
  ] as const)("the Sozialamt's periods: %s", (_, zeitraeume, stand) => {
    expect(asylblgStand(zeitraeume)).toEqual(stand);
  });

  it('counts an application late only after the month SGB II begins, and names the AsylbLG month end', () => {
    expect(findeLuecken([ohneAntrag], '2015-11-30', schwellen)).toEqual([]);
    expect(findeLuecken([ohneAntrag], '2015-12-01', schwellen).map((luecke) => luecke.grund)).toEqual([
      'ANERKENNUNG_OHNE_SGB2_ANTRAG',
    ]);
    expect(findeLuecken([asylblgLuecke], '2015-12-01', schwellen)[0]?.hinweis).toContain(
      'AsylbLG-Anspruch besteht bis 2015-10-31 (§ 1 Abs. 3 AsylbLG)',
    );
  });
});
