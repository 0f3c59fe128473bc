import { describe, expect, it } from 'vitest';
import { euroInCent } from '@ip/kit';
import { pruefeBerechtigung, type VorgelegterTitel } from '../../src/domain/berechtigung.ts';
import { kindergeldsatz, satzverlauf } from '../../src/domain/kindergeldsatz.ts';

// § 66 Abs. 1 EStG: 2010–2014 Wachstumsbeschleunigungsgesetz (BGBl. I 2009 S. 3950); 2015 Art. 1 and 2016
// Art. 2 of the Gesetz vom 16.07.2015 (BGBl. I S. 1202); 2017 Gesetz vom 20.12.2016 (BGBl. I S. 3000).
describe("Kindergeld per month by the child's place in the order (§ 66 Abs. 1 EStG)", () => {
  it.each([
    ['2014-12-31', 1, 184],
    ['2014-06-01', 2, 184],
    ['2014-06-01', 3, 190],
    ['2014-06-01', 4, 215],
    ['2015-01-01', 1, 188],
    ['2015-07-15', 2, 188],
    ['2015-12-31', 3, 194],
    ['2015-03-01', 4, 219],
    ['2015-03-01', 7, 219],
    ['2016-01-01', 1, 190],
    ['2016-08-01', 2, 190],
    ['2016-12-31', 3, 196],
    ['2016-02-29', 4, 221],
    ['2017-01-01', 1, 192],
    ['2017-05-01', 2, 192],
    ['2017-05-01', 3, 198],
    ['2017-12-31', 5, 223],
  ] as const)('%s, child no. %i → %i EUR', (monat, ordnungszahl, betrag) => {
    expect(kindergeldsatz(monat, ordnungszahl)).toMatchObject({ betrag });
  });

  it.each([
    ['2018-01-01', 1, 'MONAT_AUSSERHALB'],
    ['2009-12-01', 1, 'MONAT_AUSSERHALB'],
    ['2016-01-01', 0, 'ORDNUNGSZAHL_UNGUELTIG'],
    ['2016-01-01', 1.5, 'ORDNUNGSZAHL_UNGUELTIG'],
  ] as const)('%s, child no. %s: %s', (monat, ordnungszahl, fehler) => {
    expect(kindergeldsatz(monat, ordnungszahl)).toEqual({ fehler });
  });

  it('runs a grant from its first month through the table', () => {
    expect(satzverlauf('2016-05-17', 4)).toEqual([
      { ab: '2016-05-01', bis: '2016-12-31', betrag: 221 },
      { ab: '2017-01-01', bis: '2017-12-31', betrag: 223 },
    ]);
  });
});

describe('money is exact (cents) and plausible', () => {
  const grenzen = { min: 1, max: 999_999 };
  it.each([
    [188, 18_800],
    [0.29, 29],
    [9999.99, 999_999],
    [0.01, 1],
  ] as const)('%s EUR → %i cents', (euro, cent) => {
    expect(euroInCent(euro, 'monatsbetrag', grenzen)).toBe(cent);
  });
  it.each([0.001, 188.005, 1e308, -1, 0, 10_000])('%s is refused naming the field', (euro) => {
    expect(() => euroInCent(euro, 'monatsbetrag', grenzen)).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'monatsbetrag' }),
      }),
    );
  });
});

const t = (titel: Partial<VorgelegterTitel>): VorgelegterTitel => ({
  art: 'AUFENTHALTSERLAUBNIS',
  gueltigAb: '2015-11-02',
  ...titel,
});

// § 62 Abs. 2 EStG in the version of 13.12.2006 (BGBl. I S. 2915), in force 2015 and 2016.
describe('entitlement of foreigners (§ 62 Abs. 2 EStG, 2006 version)', () => {
  it.each([
    ['EU free movement', t({ art: 'FREIZUEGIGKEIT' }), 'BERECHTIGT', null],
    ['Niederlassungserlaubnis (Nr. 1)', t({ art: 'NIEDERLASSUNGSERLAUBNIS' }), 'BERECHTIGT', null],
    ['Daueraufenthalt-EU (Nr. 1)', t({ art: 'DAUERAUFENTHALT_EU' }), 'BERECHTIGT', null],
    ['Blaue Karte EU (Nr. 2)', t({ art: 'BLAUE_KARTE_EU' }), 'BERECHTIGT', null],
    ['recognised refugee, § 25 Abs. 2 (Nr. 2)', t({ rechtsgrundlage: '§ 25 Abs. 2 AufenthG' }), 'BERECHTIGT', null],
    ['entitled to asylum, § 25 Abs. 1 (Nr. 2)', t({ rechtsgrundlage: '§ 25 Abs. 1 AufenthG' }), 'BERECHTIGT', null],
    ['Aufenthaltsgestattung', t({ art: 'AUFENTHALTSGESTATTUNG' }), 'AUSGESCHLOSSEN', 'aufenthaltstitel.art'],
    ['Duldung', t({ art: 'DULDUNG' }), 'AUSGESCHLOSSEN', 'aufenthaltstitel.art'],
    [
      'studies, § 16 (Nr. 2 a)',
      t({ rechtsgrundlage: '§ 16 Abs. 1 AufenthG' }),
      'AUSGESCHLOSSEN',
      'aufenthaltstitel.rechtsgrundlage',
    ],
    [
      'training, § 17 (Nr. 2 a)',
      t({ rechtsgrundlage: '§ 17 AufenthG' }),
      'AUSGESCHLOSSEN',
      'aufenthaltstitel.rechtsgrundlage',
    ],
    [
      '§ 18 Abs. 2: depends on the BA approval (Nr. 2 b)',
      t({ rechtsgrundlage: '§ 18 Abs. 2 AufenthG' }),
      'NICHT_ENTSCHIEDEN',
      'aufenthaltstitel.rechtsgrundlage',
    ],
    [
      '§ 25 Abs. 5 with 3 years and work (Nr. 3)',
      t({
        rechtsgrundlage: '§ 25 Abs. 5 AufenthG',
        aufenthaltImBundesgebietSeit: '2012-11-02',
        arbeitsmarktbezug: true,
      }),
      'BERECHTIGT',
      null,
    ],
    [
      '§ 25 Abs. 5 a month short of 3 years',
      t({
        rechtsgrundlage: '§ 25 Abs. 5 AufenthG',
        aufenthaltImBundesgebietSeit: '2012-12-01',
        arbeitsmarktbezug: true,
      }),
      'AUSGESCHLOSSEN',
      'aufenthaltstitel.aufenthaltImBundesgebietSeit',
    ],
    [
      '§ 25 Abs. 5 with 3 years but no work',
      t({
        rechtsgrundlage: '§ 25 Abs. 5 AufenthG',
        aufenthaltImBundesgebietSeit: '2010-01-01',
        arbeitsmarktbezug: false,
      }),
      'AUSGESCHLOSSEN',
      'aufenthaltstitel.arbeitsmarktbezug',
    ],
    [
      '§ 24 without the stay',
      t({ rechtsgrundlage: '§ 24 AufenthG' }),
      'NICHT_ENTSCHIEDEN',
      'aufenthaltstitel.aufenthaltImBundesgebietSeit',
    ],
    [
      '§ 23 Abs. 1 (war) without work known',
      t({ rechtsgrundlage: '§ 23 Abs. 1 AufenthG', aufenthaltImBundesgebietSeit: '2010-01-01' }),
      'NICHT_ENTSCHIEDEN',
      'aufenthaltstitel.arbeitsmarktbezug',
    ],
    [
      '§ 25 Abs. 3 (Nr. 2 c) fresh',
      t({
        rechtsgrundlage: '§ 25 Abs. 3 AufenthG',
        aufenthaltImBundesgebietSeit: '2015-01-01',
        arbeitsmarktbezug: true,
      }),
      'AUSGESCHLOSSEN',
      'aufenthaltstitel.aufenthaltImBundesgebietSeit',
    ],
    [
      'family reunion, § 30, allowing work',
      t({ rechtsgrundlage: '§ 30 Abs. 1 AufenthG', erwerbstaetigkeitErlaubt: true }),
      'BERECHTIGT',
      null,
    ],
    [
      'family reunion, § 30, work not known',
      t({ rechtsgrundlage: '§ 30 Abs. 1 AufenthG' }),
      'NICHT_ENTSCHIEDEN',
      'aufenthaltstitel.erwerbstaetigkeitErlaubt',
    ],
    [
      'a permit that does not allow work',
      t({ rechtsgrundlage: '§ 7 Abs. 1 S. 3 AufenthG', erwerbstaetigkeitErlaubt: false }),
      'AUSGESCHLOSSEN',
      'aufenthaltstitel.erwerbstaetigkeitErlaubt',
    ],
    [
      'an unknown paragraph',
      t({ rechtsgrundlage: 'Anerkennung' }),
      'NICHT_ENTSCHIEDEN',
      'aufenthaltstitel.rechtsgrundlage',
    ],
    [
      'a month before the document',
      t({ rechtsgrundlage: '§ 25 Abs. 2 AufenthG', gueltigAb: '2015-12-01' }),
      'AUSGESCHLOSSEN',
      'bewilligtAb',
    ],
    [
      'a document expired before the month',
      t({ rechtsgrundlage: '§ 25 Abs. 2 AufenthG', gueltigAb: '2014-01-01', gueltigBis: '2015-10-31' }),
      'AUSGESCHLOSSEN',
      'bewilligtAb',
    ],
  ] as const)('%s', (_, titel, ergebnis, field) => {
    const berechtigung = pruefeBerechtigung(titel, '2015-11-01');
    expect(berechtigung.ergebnis).toBe(ergebnis);
    expect('field' in berechtigung ? berechtigung.field : null).toBe(field);
    expect(berechtigung.regel).toMatch(/§ 62 Abs. 2 EStG/);
  });
});
