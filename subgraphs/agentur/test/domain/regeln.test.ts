import { describe, expect, it } from 'vitest';
import { arbeitsmarktzugangAusgeschlossen, type Erlaubnis } from '../../src/domain/ansprache.ts';
import { einstiegskursFoerderfaehig } from '../../src/domain/einstiegskurs.ts';
import { pruefeEinladung, smsOhneRechtsfolgenbelehrung, termineNachSprache, type Kanal } from '../../src/domain/einladung.ts';

describe('einstiegskursFoerderfaehig (§ 421 SGB III)', () => {
  it.each([
    ['first day of entries', '2015-10-24', 'SY', 'AUFENTHALTSGESTATTUNG', null],
    ['last day of entries', '2015-12-31', 'ER', 'AUFENTHALTSGESTATTUNG', null],
    ['Iraq', '2015-11-10', 'IQ', 'AUFENTHALTSGESTATTUNG', null],
    ['Iran', '2015-11-10', 'IR', 'AUFENTHALTSGESTATTUNG', null],
    ['a day before the law', '2015-10-23', 'SY', 'AUFENTHALTSGESTATTUNG', 'EINTRITT_AUSSERHALB_ZEITRAUM'],
    ['after the entries closed', '2016-01-01', 'SY', 'AUFENTHALTSGESTATTUNG', 'EINTRITT_AUSSERHALB_ZEITRAUM'],
    ['Afghanistan', '2015-11-10', 'AF', 'AUFENTHALTSGESTATTUNG', 'STAATSANGEHOERIGKEIT'],
    ['Somalia, added to the criteria only later', '2015-11-10', 'SO', 'AUFENTHALTSGESTATTUNG', 'STAATSANGEHOERIGKEIT'],
    ['a Duldung', '2015-11-10', 'SY', 'DULDUNG', 'AUFENTHALTSSTATUS'],
    ['recognised already', '2015-11-10', 'SY', 'AUFENTHALTSERLAUBNIS', 'AUFENTHALTSSTATUS'],
    ['no status known on the day', '2015-11-10', 'SY', null, 'AUFENTHALTSSTATUS'],
    ['the window is checked before the nationality', '2016-01-04', 'AF', 'DULDUNG', 'EINTRITT_AUSSERHALB_ZEITRAUM'],
    ['the nationality before the status', '2015-11-10', 'AF', 'DULDUNG', 'STAATSANGEHOERIGKEIT'],
  ])('%s', (_, eintritt, staatsangehoerigkeit, aufenthaltsart, grund) => {
    const result = einstiegskursFoerderfaehig({ eintritt, staatsangehoerigkeit, aufenthaltsart });
    expect(result).toEqual(grund === null ? { foerderfaehig: true } : { foerderfaehig: false, grund });
  });
});

describe('arbeitsmarktzugangAusgeschlossen', () => {
  it.each<[string, Erlaubnis, string | null, boolean]>([
    ['access with approval', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '2016-06-01', false],
    ['access by law', 'KRAFT_GESETZES', null, false],
    ['a ban without end (safe country of origin)', 'VERBOTEN', null, true],
    ['a waiting period ending in two weeks', 'VERBOTEN', '2016-03-15', false],
    ['a ban ending exactly 3 months on', 'VERBOTEN', '2016-06-01', false],
    ['a ban ending a day later', 'VERBOTEN', '2016-06-02', true],
  ])('%s', (_, erlaubnis, naechsteAenderungAm, ausgeschlossen) => {
    expect(arbeitsmarktzugangAusgeschlossen({ erlaubnis, naechsteAenderungAm }, '2016-03-01')).toBe(ausgeschlossen);
  });
});

describe('pruefeEinladung', () => {
  it.each<[string, Kanal[], boolean, string | null, string | null]>([
    ['a letter with the notice', ['POST'], true, null, null],
    ['an SMS without the notice', ['SMS'], false, null, null],
    ['letter, SMS and a copy to the social service', ['POST', 'SMS', 'KOPIE_SOZIALDIENST'], true, 'Sozialdienst GU Herford', null],
    ['no channel', [], false, null, 'KEIN_KANAL'],
    ['a channel twice', ['SMS', 'SMS'], false, null, 'KANAL_DOPPELT'],
    ['the notice by SMS only', ['SMS'], true, null, 'RECHTSFOLGENBELEHRUNG_NUR_SCHRIFTLICH'],
    ['the notice with only a copy', ['KOPIE_SOZIALDIENST'], true, 'Sozialdienst GU Herford', 'RECHTSFOLGENBELEHRUNG_NUR_SCHRIFTLICH'],
    ['a copy without a recipient', ['POST', 'KOPIE_SOZIALDIENST'], false, null, 'KOPIE_OHNE_EMPFAENGER'],
    ['a recipient without a copy', ['POST'], false, 'Sozialdienst GU Herford', 'EMPFAENGER_OHNE_KOPIE'],
  ])('%s', (_, kanaele, rechtsfolgenbelehrung, kopieAn, grund) => {
    expect(pruefeEinladung({ kanaele, rechtsfolgenbelehrung, kopieAn })?.grund ?? null).toBe(grund);
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
    expect(termineNachSprache(termine).map((gruppe) => [gruppe.sprache, gruppe.termine.map((termin) => termin.id)])).toEqual([
      ['ar', [4, 6, 2]],
      ['fa', [5, 1]],
      ['ti', [3]],
    ]);
  });
});
