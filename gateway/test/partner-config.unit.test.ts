import { describe, expect, it } from 'vitest';
import { loadPartnerConfig } from '../src/config.ts';

describe('partner configuration', () => {
  it('defaults: 1 s to connect, 5 s in all, the Agentur three times that; breaker after 5 failures for 10 s', () => {
    const config = loadPartnerConfig({});
    expect(config.defaults).toEqual({ connectTimeoutMs: 1_000, timeoutMs: 5_000 });
    expect(config.timeouts['familienkasse']).toEqual({ connectTimeoutMs: 1_000, timeoutMs: 5_000 });
    expect(config.timeouts['agentur']).toEqual({ connectTimeoutMs: 1_000, timeoutMs: 15_000 });
    expect(config.breaker).toEqual({ failureThreshold: 5, cooldownMs: 10_000 });
  });

  it('a partner of its own overrides the defaults, which move the others', () => {
    const config = loadPartnerConfig({
      GATEWAY_PARTNER_TIMEOUT_MS: '2000',
      FAMILIENKASSE_TIMEOUT_MS: '8000',
      JOBCENTER_CONNECT_TIMEOUT_MS: '300',
    });
    expect(config.timeouts['familienkasse']).toEqual({ connectTimeoutMs: 1_000, timeoutMs: 8_000 });
    expect(config.timeouts['jobcenter']).toEqual({ connectTimeoutMs: 300, timeoutMs: 2_000 });
    expect(config.timeouts['agentur']?.timeoutMs).toBe(6_000);
    expect(Object.isFrozen(config.timeouts['jobcenter'])).toBe(true);
  });

  it.each([
    ['GATEWAY_PARTNER_TIMEOUT_MS', '0'],
    ['FAMILIENKASSE_TIMEOUT_MS', 'soon'],
    ['GATEWAY_PARTNER_BREAKER_FAILURES', '0'],
  ])('refuses %s=%s', (key, value) => {
    expect(() => loadPartnerConfig({ [key]: value })).toThrow(key);
  });
});
