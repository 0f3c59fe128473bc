import { describe, expect, it } from 'vitest';
import { bestimmeLeistungsart, type LeistungsartFakten } from '../src/domain/leistungsart.ts';

const ALT = 'AsylbLG i. d. F. des Gesetzes vom 19.08.2007 (BGBl. I S. 1970), bis 28.02.2015';
const NEU = 'AsylbLG i. d. F. des Gesetzes vom 10.12.2014 (BGBl. I S. 2187), ab 01.03.2015';
const fakten = (einreiseAm: string, ...grundleistungen: [string, string | null][]): LeistungsartFakten => ({
  einreiseAm,
  grundleistungen: grundleistungen.map(([ab, bis]) => ({ ab, bis })),
});

describe('§ 3 or § 2 AsylbLG on a Stichtag, by the version in force', () => {
  it.each([
    // From 01.03.2015: 15 months of stay; entry 10.08.2014 -> the 15 months end 09.11.2015.
    [
      '15 months of stay not yet complete',
      fakten('2014-08-10', ['2014-08-20', null]),
      '2015-11-09',
      'GRUNDLEISTUNG_3',
      null,
      NEU,
    ],
    [
      '15 months of stay complete',
      fakten('2014-08-10', ['2014-08-20', null]),
      '2015-11-10',
      'ANALOG_2',
      '2015-11-10',
      NEU,
    ],
    // Entry 31.05.2014: 15 months later is 31.08.2015 (§ 188 Abs. 2 BGB).
    ['month ends', fakten('2014-05-31', ['2014-06-01', null]), '2015-08-31', 'ANALOG_2', '2015-08-31', NEU],
    // Until 28.02.2015: 48 months of § 3 received; 30 months of stay are not enough.
    [
      'old rule: 30 months of stay, 29 months received',
      fakten('2012-08-01', ['2012-09-01', null]),
      '2015-02-28',
      'GRUNDLEISTUNG_3',
      null,
      ALT,
    ],
    [
      'the same person on 01.03.2015: 15 months of stay suffice',
      fakten('2012-08-01', ['2012-09-01', null]),
      '2015-03-01',
      'ANALOG_2',
      '2013-11-01',
      NEU,
    ],
    [
      'old rule: 48 months received without a break',
      fakten('2010-01-01', ['2010-01-15', null]),
      '2014-01-15',
      'ANALOG_2',
      '2014-01-15',
      ALT,
    ],
    ['old rule: one day short', fakten('2010-01-01', ['2010-01-15', null]), '2014-01-14', 'GRUNDLEISTUNG_3', null, ALT],
    // A break of 31 days (all of March 2011) is not counted: the 48 months end 31 days later.
    [
      'old rule: receipt interrupted',
      fakten('2010-01-01', ['2010-01-15', '2011-02-28'], ['2011-04-01', null]),
      '2014-02-15',
      'ANALOG_2',
      '2014-02-15',
      ALT,
    ],
    [
      'old rule: interrupted, the day before',
      fakten('2010-01-01', ['2010-01-15', '2011-02-28'], ['2011-04-01', null]),
      '2014-02-14',
      'GRUNDLEISTUNG_3',
      null,
      ALT,
    ],
  ] as const)('%s', (_, eingabe, stichtag, leistungsart, analogAb, fassung) => {
    expect(bestimmeLeistungsart(eingabe, stichtag)).toMatchObject({ leistungsart, analogAb, fassung });
  });

  it('stays with § 3 when the stay was abusively prolonged, and says why', () => {
    const entscheidung = bestimmeLeistungsart(
      { ...fakten('2014-01-01', ['2014-01-01', null]), rechtsmissbrauch: true },
      '2015-12-01',
    );
    expect(entscheidung).toMatchObject({
      leistungsart: 'GRUNDLEISTUNG_3',
      analogAb: '2015-04-01',
      rechtsgrundlage: '§ 3 AsylbLG',
    });
    expect(entscheidung.hinweis).toContain('rechtsmissbräuchlich');
  });
});
