import { describe, expect, it } from 'vitest';
import { addDays } from '@ip/kit/calendar';
import {
  auslastungFachkraft,
  auslastungIntegrationPoint,
  fallzahlAm,
  ueberSchluesselSeit,
  type Betreuung,
} from '../../src/domain/auslastung.ts';

/** `n` cases opened on `am`, ids prefixed so ties sort predictably. */
const faelle = (prefix: string, n: number, am: string, endeAm: string | null = null): Betreuung[] =>
  Array.from({ length: n }, (_, index) => ({
    fallId: `${prefix}-${String(index).padStart(3, '0')}`,
    eroeffnetAm: am,
    endeAm,
  }));

const regel = { schluessel: 100, nachhaltigAbTagen: 28 };

describe('fallzahlAm', () => {
  it.each([
    ['before the opening', '2015-12-31', 0],
    ['on the opening day', '2016-01-01', 3],
    ['the day before the end', '2016-01-31', 3],
    ['on the end day', '2016-02-01', 0],
  ])('%s', (_, tag, count) => {
    expect(fallzahlAm(faelle('a', 3, '2016-01-01', '2016-02-01'), tag)).toBe(count);
  });
});

describe('ueberSchluesselSeit', () => {
  it.each<[string, Betreuung[], string | null]>([
    ['exactly at the key', faelle('a', 100, '2016-01-01'), null],
    ['one above since its opening', [...faelle('a', 100, '2016-01-01'), ...faelle('b', 1, '2016-02-10')], '2016-02-10'],
    ['above since the very first day', faelle('a', 101, '2016-01-01'), '2016-01-01'],
    [
      'a day back at the key breaks the run',
      [
        ...faelle('a', 100, '2016-01-01'),
        ...faelle('b', 1, '2016-01-10', '2016-02-01'),
        ...faelle('c', 1, '2016-02-02'),
      ],
      '2016-02-02',
    ],
    [
      'a case ending on a day and another opening that day keep the run',
      [
        ...faelle('a', 100, '2016-01-01'),
        ...faelle('b', 1, '2016-01-10', '2016-02-01'),
        ...faelle('c', 1, '2016-02-01'),
      ],
      '2016-01-10',
    ],
    [
      'cases opened after the Stichtag do not count',
      [...faelle('a', 100, '2016-01-01'), ...faelle('b', 5, '2016-03-02')],
      null,
    ],
    [
      'ended on the Stichtag: no longer above',
      [...faelle('a', 100, '2016-01-01'), ...faelle('b', 1, '2016-01-10', '2016-03-01')],
      null,
    ],
  ])('%s', (_, betreuungen, seit) => {
    expect(ueberSchluesselSeit(betreuungen, '2016-03-01', 100)).toBe(seit);
  });

  it('agrees with counting day by day over a year of daily openings and endings of thousands of cases', () => {
    const betreuungen = Array.from({ length: 3000 }, (_, index): Betreuung => ({
      fallId: String(index),
      eroeffnetAm: addDays('2015-01-01', index % 365),
      endeAm: index % 2 === 0 ? addDays('2015-01-01', (index % 365) + 200) : null,
    }));
    let tag = '2016-03-01';
    while (fallzahlAm(betreuungen, addDays(tag, -1)) > 100) tag = addDays(tag, -1);
    expect(tag < '2016-01-01').toBe(true);
    expect(ueberSchluesselSeit(betreuungen, '2016-03-01', 100)).toBe(tag);
  });
});

describe('auslastungFachkraft', () => {
  const stichtag = '2016-03-01';
  it.each<
    [
      string,
      Betreuung[],
      {
        fallzahl: number;
        ueberSchluessel: number;
        ueberSchluesselSeit: string | null;
        nachhaltigUeberschritten: boolean;
        vorschlaege: number;
      },
    ]
  >([
    [
      'no cases',
      [],
      { fallzahl: 0, ueberSchluessel: 0, ueberSchluesselSeit: null, nachhaltigUeberschritten: false, vorschlaege: 0 },
    ],
    [
      'at the key',
      faelle('a', 100, '2016-01-01'),
      { fallzahl: 100, ueberSchluessel: 0, ueberSchluesselSeit: null, nachhaltigUeberschritten: false, vorschlaege: 0 },
    ],
    [
      'above for exactly 28 days including the Stichtag',
      [...faelle('a', 100, '2016-01-01'), ...faelle('b', 3, addDays(stichtag, -27))],
      {
        fallzahl: 103,
        ueberSchluessel: 3,
        ueberSchluesselSeit: '2016-02-03',
        nachhaltigUeberschritten: true,
        vorschlaege: 3,
      },
    ],
    [
      'above for 27 days: not yet sustained',
      [...faelle('a', 100, '2016-01-01'), ...faelle('b', 3, addDays(stichtag, -26))],
      {
        fallzahl: 103,
        ueberSchluessel: 3,
        ueberSchluesselSeit: '2016-02-04',
        nachhaltigUeberschritten: false,
        vorschlaege: 0,
      },
    ],
  ])('%s', (_, betreuungen, expected) => {
    const result = auslastungFachkraft(betreuungen, stichtag, regel);
    expect(result).toMatchObject({
      fallzahl: expected.fallzahl,
      schluessel: 100,
      ueberSchluessel: expected.ueberSchluessel,
      ueberSchluesselSeit: expected.ueberSchluesselSeit,
      nachhaltigUeberschritten: expected.nachhaltigUeberschritten,
    });
    expect(result.abgabevorschlaege).toHaveLength(expected.vorschlaege);
  });

  it('proposes the cases longest in the Integration Point, ties by id, never an ended one', () => {
    const betreuungen = [
      ...faelle('z', 1, '2015-09-01', '2015-10-01'),
      ...faelle('c', 2, '2015-10-05'),
      ...faelle('b', 1, '2015-10-05'),
      ...faelle('a', 1, '2015-11-01'),
      ...faelle('x', 98, '2015-12-01'),
    ];
    const result = auslastungFachkraft(betreuungen, stichtag, regel);
    expect(result.fallzahl).toBe(102);
    expect(result.abgabevorschlaege).toEqual(['b-000', 'c-000']);
  });
});

describe('auslastungIntegrationPoint', () => {
  it.each([
    [[], { fallzahl: 0, kapazitaet: 0, quote: 0 }],
    [
      [
        { fallzahl: 50, schluessel: 100 },
        { fallzahl: 130, schluessel: 100 },
      ],
      { fallzahl: 180, kapazitaet: 200, quote: 0.9 },
    ],
  ])('%j', (fachkraefte, expected) => {
    expect(auslastungIntegrationPoint(fachkraefte)).toEqual(expected);
  });
});
