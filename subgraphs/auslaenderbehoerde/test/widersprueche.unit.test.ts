import { describe, expect, it } from 'vitest';
import { widersprueche } from '../src/domain/widersprueche.ts';

describe('contradictions between supplementary provisions and the law', () => {
  it.each([
    ['Erwerbstätigkeit nicht gestattet', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', 1],
    ['Erwerbstätigkeit nicht gestattet', 'VERBOTEN', 0],
    ['Beschäftigung nur mit Erlaubnis der Ausländerbehörde gestattet', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', 0],
    ['Beschäftigung nur mit Erlaubnis der Ausländerbehörde gestattet', 'KRAFT_GESETZES', 1],
    ['Beschäftigung nur mit Erlaubnis der Ausländerbehörde gestattet', 'VERBOTEN', 1],
    ['Erwerbstätigkeit gestattet', 'VERBOTEN', 1],
    ['Erwerbstätigkeit gestattet', 'KRAFT_GESETZES', 0],
    ['Wohnsitzauflage: Essen', 'VERBOTEN', 0],
    ['Erwerbstätigkeit nicht gestattet', 'NICHT_ABGEBILDET', 0],
    ['Erwerbstätigkeit gestattet', 'NICHT_ABGEBILDET', 0],
  ] as const)('"%s" with %s: %i', (nebenbestimmung, erlaubnis, count) => {
    const found = widersprueche([nebenbestimmung], erlaubnis);
    expect(found).toHaveLength(count);
    for (const entry of found) expect(entry).toMatchObject({ nebenbestimmung, erlaubnis });
  });
});
