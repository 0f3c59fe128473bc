import { describe, expect, it } from 'vitest';
import { istSteuerId, steuerIdPflicht } from '../../src/domain/steuer-id.ts';
import { demoSteuerId } from '../../src/seed.ts';

// § 139b AO; ISO/IEC 7064 MOD 11,10; § 62 Abs. 1 S. 2, § 63 Abs. 1 S. 3 EStG from 01.01.2016 (§ 52 Abs. 49a EStG).
describe('tax identification numbers', () => {
  it.each([
    ['86095742719', true],
    ['47036892816', true],
    ['86095742718', false],
    ['86095742791', false],
    ['06095742719', false],
    ['8609574271', false],
    ['8609574271a', false],
  ] as const)('%s valid: %s', (steuerId, valid) => {
    expect(istSteuerId(steuerId)).toBe(valid);
  });
  it.each([
    ['2015-12-31', '2015-11-01', false],
    ['2016-01-04', '2015-11-01', true],
    ['2015-12-20', '2016-01-01', true],
  ] as const)('decided %s, granted from %s: required %s', (beschiedenAm, bewilligtAb, pflicht) => {
    expect(steuerIdPflicht(beschiedenAm, bewilligtAb)).toBe(pflicht);
  });
  it('gives demo persons valid ids, the same on every run', () => {
    const ids = [
      '6f1c2a4e-1d7b-4c3e-9a51-2b8d7e0f4a01',
      '6f1c2a4e-1d7b-4c3e-9a51-2b8d7e0f4a02',
      '00000000-0000-4000-8000-000000000000',
    ];
    for (const id of ids) expect(istSteuerId(demoSteuerId(id))).toBe(true);
    expect(demoSteuerId(ids[0]!)).toBe(demoSteuerId(ids[0]!));
  });
});
