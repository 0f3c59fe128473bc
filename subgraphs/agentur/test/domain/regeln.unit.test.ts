import { describe, expect, it } from 'vitest';
import { arbeitsmarktzugangAusgeschlossen, type Erlaubnis } from '../../src/domain/ansprache.ts';
import { einstiegskursFoerderfaehig, imEintrittszeitraum } from '../../src/domain/einstiegskurs.ts';
import { pruefeKursdaten, statuswechselErlaubt, type SprachkursStatus } from '../../src/domain/sprachkurs.ts';
import {
  EINLADUNGSRECHTSFOLGEN,
  pruefeEinladung,
  smsOhneRechtsfolgenbelehrung,
  termineNachSprache,
  type Kanal,
} from '../../src/domain/einladung.ts';

describe('einstiegskursFoerderfaehig (§ 421 SGB III)', () => {
  const G = 'AUFENTHALTSGESTATTUNG';
  it.each<[string, string, string, string | null, boolean, string]>([
    ['first day of entries', '2015-10-24', 'SY', G, false, 'AUFENTHALTSGESTATTUNG'],
    ['last day of entries', '2015-12-31', 'ER', G, false, 'AUFENTHALTSGESTATTUNG'],
    ['Iraq', '2015-11-10', 'IQ', G, false, 'AUFENTHALTSGESTATTUNG'],
    ['Iran', '2015-11-10', 'IR', G, false, 'AUFENTHALTSGESTATTUNG'],
    ['a Gestattung needs no BüMA, and one shown changes nothing', '2015-11-10', 'SY', G, true, 'AUFENTHALTSGESTATTUNG'],
    ['no status yet, a BüMA shown', '2015-11-10', 'SY', null, true, 'BUEMA'],
    ['no status yet and no BüMA shown', '2015-11-10', 'SY', null, false, 'BUEMA_NICHT_VORGELEGT'],
    ['a day before the law', '2015-10-23', 'SY', G, false, 'EINTRITT_AUSSERHALB_ZEITRAUM'],
    ['after the entries closed', '2016-01-01', 'SY', G, false, 'EINTRITT_AUSSERHALB_ZEITRAUM'],
    ['a BüMA after the entries closed', '2016-01-01', 'SY', null, true, 'EINTRITT_AUSSERHALB_ZEITRAUM'],
    ['Afghanistan', '2015-11-10', 'AF', G, false, 'STAATSANGEHOERIGKEIT'],
    ['Afghanistan with a BüMA', '2015-11-10', 'AF', null, true, 'STAATSANGEHOERIGKEIT'],
    ['Somalia, added to the criteria only later', '2015-11-10', 'SO', G, false, 'STAATSANGEHOERIGKEIT'],
    ['a Duldung', '2015-11-10', 'SY', 'DULDUNG', false, 'AUFENTHALTSSTATUS'],
    ['a Duldung, whatever BüMA is shown', '2015-11-10', 'SY', 'DULDUNG', true, 'AUFENTHALTSSTATUS'],
    ['recognised already', '2015-11-10', 'SY', 'AUFENTHALTSERLAUBNIS', false, 'AUFENTHALTSSTATUS'],
    [
      'the window is checked before the nationality',
      '2016-01-04',
      'AF',
      'DULDUNG',
      false,
      'EINTRITT_AUSSERHALB_ZEITRAUM',
    ],
    ['the nationality before the status', '2015-11-10', 'AF', 'DULDUNG', false, 'STAATSANGEHOERIGKEIT'],
  ])('%s', (_, eintritt, staatsangehoerigkeit, aufenthaltsart, buemaVorgelegt, expected) => {
    const result = einstiegskursFoerderfaehig({ eintritt, staatsangehoerigkeit, aufenthaltsart, buemaVorgelegt });
    const nachweis = expected === 'AUFENTHALTSGESTATTUNG' || expected === 'BUEMA';
    expect(result).toEqual(
      nachweis ? { foerderfaehig: true, nachweis: expected } : { foerderfaehig: false, grund: expected },
    );
    expect(imEintrittszeitraum(eintritt)).toBe(expected !== 'EINTRITT_AUSSERHALB_ZEITRAUM');
  });
});

describe('language course status', () => {
  const ALLE: SprachkursStatus[] = ['ANGEMELDET', 'LAUFEND', 'ABGESCHLOSSEN', 'ABGEBROCHEN'];
  const ERLAUBT = new Set([
    'ANGEMELDET>LAUFEND',
    'ANGEMELDET>ABGEBROCHEN',
    'LAUFEND>ABGESCHLOSSEN',
    'LAUFEND>ABGEBROCHEN',
  ]);
  it.each(ALLE.flatMap((von) => ALLE.map((nach) => [von, nach] as const)))('%s to %s', (von, nach) => {
    expect(statuswechselErlaubt(von, nach)).toBe(ERLAUBT.has(`${von}>${nach}`));
  });

  const HEUTE = '2016-03-01';
  it.each<[string, SprachkursStatus, string, string | null, string | null]>([
    ['registered for a course ahead', 'ANGEMELDET', '2016-04-04', null, null],
    ['registered, the course late to start', 'ANGEMELDET', '2016-02-01', null, null],
    ['registered with a last day', 'ANGEMELDET', '2016-04-04', '2016-06-30', 'ende'],
    ['running since a week', 'LAUFEND', '2016-02-23', null, null],
    ['running from tomorrow', 'LAUFEND', '2016-03-02', null, 'beginn'],
    ['running with a last day', 'LAUFEND', '2016-02-23', '2016-06-30', 'ende'],
    ['finished yesterday', 'ABGESCHLOSSEN', '2015-11-02', '2016-02-29', null],
    ['finished on the first day', 'ABGESCHLOSSEN', '2016-02-29', '2016-02-29', null],
    ['finished without a last day', 'ABGESCHLOSSEN', '2015-11-02', null, 'ende'],
    ['finished tomorrow', 'ABGESCHLOSSEN', '2015-11-02', '2016-03-02', 'ende'],
    ['finished before it began', 'ABGESCHLOSSEN', '2015-11-02', '2015-11-01', 'ende'],
    ['dropped today', 'ABGEBROCHEN', '2016-01-04', '2016-03-01', null],
    ['dropped without a last day', 'ABGEBROCHEN', '2016-01-04', null, 'ende'],
    ['dropped before the course begins', 'ABGEBROCHEN', '2016-04-04', null, null],
    ['dropped before it begins, with a last day', 'ABGEBROCHEN', '2016-04-04', '2016-04-04', 'ende'],
    ['finished before it begins', 'ABGESCHLOSSEN', '2016-04-04', null, 'ende'],
  ])('%s', (_, status, beginn, ende, field) => {
    expect(pruefeKursdaten({ status, beginn, ende }, HEUTE)?.field ?? null).toBe(field);
  });
});

describe('arbeitsmarktzugangAusgeschlossen', () => {
  it.each<[string, Erlaubnis, string | null, boolean]>([
    ['access with approval', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '2016-06-01', false],
    ['access by law', 'KRAFT_GESETZES', null, false],
    ['a ban without end (safe country of origin)', 'VERBOTEN', null, true],
    ['a waiting period ending in two weeks (§ 61 Abs. 2 S. 1 AsylG)', 'VERBOTEN', '2016-03-15', false],
    [
      'a reception-centre ban ending in five months (§ 61 Abs. 1, § 47 Abs. 1 AsylG since 24 Oct 2015)',
      'VERBOTEN',
      '2016-08-01',
      false,
    ],
    ['a ban ending exactly 6 months on', 'VERBOTEN', '2016-09-01', false],
    ['a ban ending a day later', 'VERBOTEN', '2016-09-02', true],
  ])('%s', (_, erlaubnis, naechsteAenderungAm, ausgeschlossen) => {
    expect(arbeitsmarktzugangAusgeschlossen({ erlaubnis, naechsteAenderungAm }, '2016-03-01')).toBe(ausgeschlossen);
  });
});

describe('pruefeEinladung', () => {
  it.each<[string, Kanal[], boolean, string | null, string | null]>([
    [
      'a letter with a notice: SGB III has no consequence to notify (Rahmenkonzept §4)',
      ['POST'],
      true,
      null,
      'KEINE_RECHTSFOLGE',
    ],
    ['a letter without notice', ['POST'], false, null, null],
    ['an SMS without the notice', ['SMS'], false, null, null],
    [
      'letter, SMS and a copy to the social service',
      ['POST', 'SMS', 'KOPIE_SOZIALDIENST'],
      false,
      'Sozialdienst GU Herford',
      null,
    ],
    ['no channel', [], false, null, 'KEIN_KANAL'],
    ['a channel twice', ['SMS', 'SMS'], false, null, 'KANAL_DOPPELT'],
    ['the notice by SMS only', ['SMS'], true, null, 'KEINE_RECHTSFOLGE'],
    ['a copy without a recipient', ['POST', 'KOPIE_SOZIALDIENST'], false, null, 'KOPIE_OHNE_EMPFAENGER'],
    ['a recipient without a copy', ['POST'], false, 'Sozialdienst GU Herford', 'EMPFAENGER_OHNE_KOPIE'],
  ])('%s', (_, kanaele, rechtsfolgenbelehrung, kopieAn, grund) => {
    expect(pruefeEinladung({ kanaele, rechtsfolgenbelehrung, kopieAn })?.grund ?? null).toBe(grund);
  });

  // SGB II (§ 32 Abs. 1 S. 1 SGB II, 2011–2016 wording): a written notice makes a missed appointment cost 10 %
  it.each<[string, Kanal[], boolean, string | null]>([
    ['SGB II: a letter with the notice', ['POST'], true, null],
    ['SGB II: letter and SMS with the notice', ['POST', 'SMS'], true, null],
    ['SGB II: the notice by SMS only', ['SMS'], true, 'RECHTSFOLGENBELEHRUNG_NUR_SCHRIFTLICH'],
    ['SGB II: the notice with only a copy', ['KOPIE_SOZIALDIENST'], true, 'RECHTSFOLGENBELEHRUNG_NUR_SCHRIFTLICH'],
    ['SGB II: an SMS without the notice', ['SMS'], false, null],
  ])('%s', (_, kanaele, rechtsfolgenbelehrung, grund) => {
    const kopieAn = kanaele.includes('KOPIE_SOZIALDIENST') ? 'Sozialdienst GU Herford' : null;
    expect(pruefeEinladung({ kanaele, rechtsfolgenbelehrung, kopieAn }, 'SGB_II')?.grund ?? null).toBe(grund);
  });

  it('says per legal sphere what a missed appointment costs and what an SMS loses', () => {
    expect(EINLADUNGSRECHTSFOLGEN.SGB_III).toMatchObject({
      folgeBeiVersaeumnis: null,
      rechtsfolgenbelehrungMoeglich: false,
    });
    expect(EINLADUNGSRECHTSFOLGEN.SGB_III.rechtsgrundlage).toContain('Rahmenkonzept §4');
    expect(EINLADUNGSRECHTSFOLGEN.SGB_II).toMatchObject({
      rechtsfolgenbelehrungMoeglich: true,
      folgeBeiVersaeumnis: expect.stringContaining('10 %'),
    });
    expect(EINLADUNGSRECHTSFOLGEN.SGB_II.rechtsgrundlage).toContain('§ 32 Abs. 1 S. 1');
    expect(EINLADUNGSRECHTSFOLGEN.SGB_II.smsVerliert).toContain('Rechtsfolge');
  });

  it.each<[Kanal[], boolean, boolean]>([
    [['SMS'], false, true],
    [['POST', 'SMS'], false, true],
    [['POST', 'SMS'], true, false],
    [['POST'], false, false],
  ])('%j with notice %s: SMS without notice %s', (kanaele, belehrung, flag) => {
    expect(smsOhneRechtsfolgenbelehrung(kanaele, belehrung)).toBe(flag);
  });
});

describe('termineNachSprache', () => {
  it('groups by language, largest group first, ties by code, each by time', () => {
    const termine = [
      { id: 1, sprache: 'fa', uhrzeit: '10:00' },
      { id: 2, sprache: 'ar', uhrzeit: '11:00' },
      { id: 3, sprache: 'ti', uhrzeit: '09:00' },
      { id: 4, sprache: 'ar', uhrzeit: '08:30' },
      { id: 5, sprache: 'fa', uhrzeit: '09:30' },
      { id: 6, sprache: 'ar', uhrzeit: '09:00' },
    ];
    expect(
      termineNachSprache(termine).map((gruppe) => [gruppe.sprache, gruppe.termine.map((termin) => termin.id)]),
    ).toEqual([
      ['ar', [4, 6, 2]],
      ['fa', [5, 1]],
      ['ti', [3]],
    ]);
  });
});
