import { describe, expect, it } from 'vitest';
import { hoechstverweildauerEndetAm, verweildauerStand } from '../../src/domain/verweildauer.ts';

describe('hoechstverweildauerEndetAm (§§ 187 Abs. 1, 188 Abs. 2 and 3 BGB)', () => {
  it.each([
    ['2015-09-15', 6, '2016-03-15'],
    ['2015-08-31', 6, '2016-02-29'],
    ['2015-11-30', 3, '2016-02-29'],
    ['2016-12-31', 2, '2017-02-28'],
    ['2015-10-31', 12, '2016-10-31'],
    ['2015-12-01', 1, '2016-01-01'],
    ['2016-01-31', 1, '2016-02-29'],
  ])('opened %s, %i months: ends %s', (eroeffnetAm, monate, endetAm) => {
    expect(hoechstverweildauerEndetAm(eroeffnetAm, monate)).toBe(endetAm);
  });

  it.each([0, 37, 1.5])('refuses %s months', (monate) => {
    expect(() => hoechstverweildauerEndetAm('2015-10-01', monate)).toThrow(RangeError);
  });
});

describe('verweildauerStand', () => {
  const regel = { monate: 6, vorlaufTage: 28 };
  it.each([
    ['the day after opening', '2015-09-16', 'LAEUFT', 181],
    ['a day before the lead time', '2016-02-15', 'LAEUFT', 29],
    ['the first day of the lead time', '2016-02-16', 'ENDET_BALD', 28],
    ['the day before the end', '2016-03-14', 'ENDET_BALD', 1],
    ['the last day', '2016-03-15', 'ERREICHT', 0],
    ['past the end', '2016-04-01', 'ERREICHT', -17],
  ])('opened 2015-09-15, on %s (%s): %s, %i days left', (_, stichtag, stand, tageBisEnde) => {
    expect(verweildauerStand('2015-09-15', stichtag, regel)).toEqual({ endetAm: '2016-03-15', tageBisEnde, stand });
  });

  it('with no lead time, a case runs until its last day', () => {
    expect(verweildauerStand('2015-09-15', '2016-03-14', { monate: 6, vorlaufTage: 0 }).stand).toBe('LAEUFT');
  });

  it.each([-1, 181])('refuses a lead time of %i days', (vorlaufTage) => {
    expect(() => verweildauerStand('2015-09-15', '2016-01-01', { monate: 6, vorlaufTage })).toThrow(RangeError);
  });
});
