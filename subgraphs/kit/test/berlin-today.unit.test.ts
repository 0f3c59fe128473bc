import { describe, expect, it } from 'vitest';
import { berlinToday } from '../src/consent/access-control.ts';

describe('berlinToday', () => {
  it.each([
    ['winter, before midnight in Berlin', '2024-01-15T22:59:59Z', '2024-01-15'],
    ['winter, midnight in Berlin (UTC+1)', '2024-01-15T23:00:00Z', '2024-01-16'],
    ['summer, midnight in Berlin (UTC+2)', '2024-06-30T22:00:00Z', '2024-07-01'],
    ['summer, before midnight in Berlin', '2024-06-30T21:59:59Z', '2024-06-30'],
    ['the night of the change to summer time', '2024-03-30T23:30:00Z', '2024-03-31'],
  ])('%s', (_name, instant, day) => {
    expect(berlinToday(new Date(instant))).toBe(day);
  });

  it('answers each call for its own instant, with one formatter shared by all', () => {
    expect([berlinToday(new Date('2015-12-01T12:00:00Z')), berlinToday(new Date('2016-12-31T23:30:00Z'))]).toEqual([
      '2015-12-01',
      '2017-01-01',
    ]);
  });
});
