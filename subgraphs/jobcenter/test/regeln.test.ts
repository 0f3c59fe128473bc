import { describe, expect, it } from 'vitest';
import { pruefeBescheid, pruefeMitglieder, type MitgliedEingabe } from '../src/domain/bg-regeln.ts';
import { kindergeldAlsEinkommen } from '../src/domain/kindergeld-einkommen.ts';
import { findeLuecken, type Wechselakte } from '../src/domain/luecken.ts';
import { bestimmeRechtskreis } from '../src/domain/rechtskreis.ts';

const m = (personId: string, rolle: MitgliedEingabe['rolle'], geburtsdatum: string, seit = '2015-12-01'): MitgliedEingabe => ({ personId, rolle, geburtsdatum, seit });

describe('Bedarfsgemeinschaft members', () => {
  it.each([
    ['applicant, partner and two children', [m('a', 'ANTRAGSTELLENDE_PERSON', '1980-01-01'), m('b', 'PARTNER', '1982-05-05'), m('c', 'KIND', '2010-01-01'), m('d', 'KIND', '2014-03-03')], []],
    ['no applicant', [m('b', 'PARTNER', '1982-05-05')], ['a Bedarfsgemeinschaft has exactly one applicant']],
    ['two applicants', [m('a', 'ANTRAGSTELLENDE_PERSON', '1980-01-01'), m('b', 'ANTRAGSTELLENDE_PERSON', '1982-05-05')], ['a Bedarfsgemeinschaft has exactly one applicant']],
    ['a child as the applicant', [m('c', 'ANTRAGSTELLENDE_PERSON', '2005-01-01')], ['a child cannot be the applicant (under 15, § 7 Abs. 1 Nr. 1 SGB II)']],
    ['the applicant turned 15 that day', [m('c', 'ANTRAGSTELLENDE_PERSON', '2000-12-01')], []],
    ['a "child" of 25', [m('a', 'ANTRAGSTELLENDE_PERSON', '1960-01-01'), m('c', 'KIND', '1990-11-30')], ['a child of the Bedarfsgemeinschaft is under 25 (§ 7 Abs. 3 Nr. 4 SGB II)']],
    ['two partners', [m('a', 'ANTRAGSTELLENDE_PERSON', '1980-01-01'), m('b', 'PARTNER', '1982-05-05'), m('e', 'PARTNER', '1983-05-05')], ['a Bedarfsgemeinschaft has at most one partner']],
    ['a person twice', [m('a', 'ANTRAGSTELLENDE_PERSON', '1980-01-01'), m('a', 'PARTNER', '1980-01-01')], ['a person is a member once']],
  ] as const)('%s', (_, mitglieder, messages) => {
    expect(pruefeMitglieder(mitglieder).map((verstoss) => verstoss.message)).toEqual(messages);
  });
});

describe('decisions on SGB II applications', () => {
  const grant = (ab: string, bis: string, regelbedarf = 399, unterkunft = 350) => ({ ab, bis, regelbedarf, unterkunft });
  it.each([
    ['a grant after receipt', { eingangAm: '2015-11-02', beschiedenAm: '2015-11-20', bewilligung: grant('2015-11-01', '2016-04-30') }, [], []],
    ['a refusal', { eingangAm: '2015-11-02', beschiedenAm: '2015-11-20', bewilligung: null }, [], []],
    ['decided before receipt', { eingangAm: '2015-11-02', beschiedenAm: '2015-11-01', bewilligung: null }, [], ['beschiedenAm']],
    ['a period ending before it starts', { eingangAm: '2015-11-02', beschiedenAm: '2015-11-20', bewilligung: grant('2016-04-30', '2015-11-01') }, [], ['bewilligtBis']],
    ['negative amounts', { eingangAm: '2015-11-02', beschiedenAm: '2015-11-20', bewilligung: grant('2015-11-01', '2016-04-30', -1, -5) }, [], ['regelbedarf', 'unterkunft']],
    ['overlapping the previous grant', { eingangAm: '2016-04-01', beschiedenAm: '2016-04-20', bewilligung: grant('2016-04-01', '2016-09-30') }, [{ ab: '2015-11-01', bis: '2016-04-30' }], ['bewilligtAb']],
    ['following the previous grant', { eingangAm: '2016-04-01', beschiedenAm: '2016-04-20', bewilligung: grant('2016-05-01', '2016-10-31') }, [{ ab: '2015-11-01', bis: '2016-04-30' }], []],
  ] as const)('%s', (_, bescheid, andere, fields) => {
    expect(pruefeBescheid(bescheid, andere).map((verstoss) => verstoss.field)).toEqual(fields);
  });
});

describe('Kindergeld as income (§ 11 Abs. 1 S. 5 SGB II)', () => {
  it.each([
    ['a grant counts', [{ ergebnis: 'BEWILLIGT', monatsbetrag: 376, beschiedenAm: '2015-11-20' }], 'ANGERECHNET', 376],
    ['two grants add up', [{ ergebnis: 'BEWILLIGT', monatsbetrag: 376, beschiedenAm: '2015-11-20' }, { ergebnis: 'BEWILLIGT', monatsbetrag: 194, beschiedenAm: '2016-02-01' }], 'ANGERECHNET', 570],
    ['not yet decided: stated, not 0', [{ ergebnis: null, monatsbetrag: null, beschiedenAm: null }], 'BEANTRAGT_NICHT_BESCHIEDEN', null],
    ['refused: 0', [{ ergebnis: 'ABGELEHNT', monatsbetrag: null, beschiedenAm: '2015-11-20' }], 'ABGELEHNT', 0],
    ['no application: stated, not 0', [], 'KEIN_ANTRAG', null],
  ] as const)('%s', (_, antraege, status, monatsbetrag) => {
    expect(kindergeldAlsEinkommen(antraege)).toMatchObject({ status, monatsbetrag });
  });
});

describe('legal sphere on a day', () => {
  const gestattung = { art: 'AUFENTHALTSGESTATTUNG', gueltigAb: '2015-03-01', gueltigBis: '2015-10-31', rechtsgrundlage: '§ 55 Abs. 1 AsylG' } as const;
  const titel = { art: 'AUFENTHALTSERLAUBNIS', gueltigAb: '2015-11-01', gueltigBis: null, rechtsgrundlage: '§ 25 Abs. 2 AufenthG' } as const;
  const erlaubnis = (rechtsgrundlage: string) => ({ verlauf: [gestattung, { ...titel, rechtsgrundlage }], bewilligungen: [], sgb2Ab: null });
  it.each([
    ['in the asylum procedure', { verlauf: [gestattung, titel], bewilligungen: [], sgb2Ab: null }, '2015-10-15', 'SGB_III'],
    ['recognised, nothing at the Jobcenter yet', { verlauf: [gestattung, titel], bewilligungen: [], sgb2Ab: null }, '2015-11-15', 'KEINER'],
    ['recognised, change of sphere recorded', { verlauf: [gestattung, titel], bewilligungen: [], sgb2Ab: '2015-11-01' }, '2015-11-15', 'SGB_II'],
    ['granted SGB II', { verlauf: [gestattung, titel], bewilligungen: [{ ab: '2015-11-01', bis: '2016-04-30' }], sgb2Ab: null }, '2016-01-15', 'SGB_II'],
    ['grant ended, no change recorded', { verlauf: [gestattung, titel], bewilligungen: [{ ab: '2015-11-01', bis: '2016-04-30' }], sgb2Ab: null }, '2016-05-01', 'KEINER'],
    ['tolerated', { verlauf: [{ art: 'DULDUNG', gueltigAb: '2015-01-01', gueltigBis: null, rechtsgrundlage: '§ 60a Abs. 2 AufenthG' }], bewilligungen: [], sgb2Ab: null }, '2015-06-01', 'SGB_III'],
    // § 1 Abs. 1 Nr. 3 AsylbLG (Gesetz vom 10.12.2014, BGBl. I S. 2187, from 01.03.2015)
    ['§ 23 Abs. 1 (war): AsylbLG', erlaubnis('§ 23 Abs. 1 AufenthG'), '2015-11-15', 'ASYLBLG'],
    ['§ 24 (temporary protection): AsylbLG', erlaubnis('§ 24 AufenthG'), '2015-11-15', 'ASYLBLG'],
    ['§ 25 Abs. 4 S. 1: AsylbLG', erlaubnis('§ 25 Abs. 4 S. 1 AufenthG'), '2015-11-15', 'ASYLBLG'],
    ['§ 25 Abs. 4 Satz 1, written out: AsylbLG', erlaubnis('§ 25 Abs. 4 Satz 1 AufenthG'), '2015-11-15', 'ASYLBLG'],
    ['§ 25 Abs. 5: AsylbLG', erlaubnis('§ 25 Abs. 5 AufenthG'), '2015-11-15', 'ASYLBLG'],
    ['§ 25 Abs. 4 S. 2 (extension): not AsylbLG', erlaubnis('§ 25 Abs. 4 S. 2 AufenthG'), '2015-11-15', 'KEINER'],
    ['§ 25 Abs. 3: not AsylbLG, SGB II possible', erlaubnis('§ 25 Abs. 3 AufenthG'), '2015-11-15', 'KEINER'],
    ['§ 25 Abs. 5 with SGB II granted anyway: the grant decides', { ...erlaubnis('§ 25 Abs. 5 AufenthG'), bewilligungen: [{ ab: '2015-11-01', bis: '2016-04-30' }] }, '2015-11-15', 'SGB_II'],
  ] as const)('%s', (_, fakten, stichtag, rechtskreis) => {
    expect(bestimmeRechtskreis(fakten, stichtag)).toBe(rechtskreis);
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
  const naechsterMonat: Wechselakte = { ...sauber, personId: 'naechster-monat', antraegeEingang: ['2015-12-01'], bewilligungen: [{ ab: '2015-12-01', bis: '2016-05-31' }] };
  const schwellen = { bewilligungNachTagen: 30 };

  it('finds every kind of gap and no false hit for a clean change of sphere', () => {
    const found = findeLuecken([sauber, ohneAntrag, spaeterAntrag, asylblgLuecke, nichtBewilligt, imStartmonat, naechsterMonat], '2015-12-15', schwellen);
    expect(found.map((luecke) => [luecke.personId, luecke.grund, luecke.seit, luecke.bis])).toEqual([
      ['asylblg-luecke', 'ASYLBLG_ENDE_VOR_SGB2', '2015-10-16', '2015-10-31'],
      ['naechster-monat', 'ANERKENNUNG_OHNE_SGB2_ANTRAG', '2015-11-01', null],
      ['naechster-monat', 'SGB2_BEGINN_NICHT_BEWILLIGT', '2015-11-01', null],
      ['nicht-bewilligt', 'SGB2_BEGINN_NICHT_BEWILLIGT', '2015-11-01', null],
      ['ohne-antrag', 'ANERKENNUNG_OHNE_SGB2_ANTRAG', '2015-11-01', null],
      ['ohne-antrag', 'SGB2_BEGINN_NICHT_BEWILLIGT', '2015-11-01', null],
    ]);
  });

  it('counts an application late only after the month SGB II begins, and names the AsylbLG month end', () => {
    expect(findeLuecken([ohneAntrag], '2015-11-30', schwellen)).toEqual([]);
    expect(findeLuecken([ohneAntrag], '2015-12-01', schwellen).map((luecke) => luecke.grund)).toEqual(['ANERKENNUNG_OHNE_SGB2_ANTRAG']);
    expect(findeLuecken([asylblgLuecke], '2015-12-01', schwellen)[0]?.hinweis).toContain('AsylbLG-Anspruch besteht bis 2015-10-31 (§ 1 Abs. 3 AsylbLG)');
  });
});
