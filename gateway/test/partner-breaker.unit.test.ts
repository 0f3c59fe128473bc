import { describe, expect, it } from 'vitest';
import { admit, CLOSED, createPartnerBreaker, record, type BreakerState } from '../src/partner-breaker.ts';

const SETTINGS = { failureThreshold: 3, cooldownMs: 10_000 };

describe('breaker transitions', () => {
  it.each<[string, BreakerState, number, boolean, BreakerState]>([
    ['closed admits', CLOSED, 0, true, CLOSED],
    ['closed with failures admits', { kind: 'CLOSED', failures: 2 }, 0, true, { kind: 'CLOSED', failures: 2 }],
    ['open refuses during the cool-down', { kind: 'OPEN', until: 1_000 }, 999, false, { kind: 'OPEN', until: 1_000 }],
    [
      'open admits one probe when the cool-down is over',
      { kind: 'OPEN', until: 1_000 },
      1_000,
      true,
      { kind: 'HALF_OPEN' },
    ],
    ['half-open refuses while the probe is out', { kind: 'HALF_OPEN' }, 5_000, false, { kind: 'HALF_OPEN' }],
  ])('%s', (_name, state, now, admitted, next) => {
    expect(admit(state, now)).toEqual({ admitted, state: next });
  });

  it.each<[string, BreakerState, 'success' | 'failure', BreakerState]>([
    ['a failure counts', CLOSED, 'failure', { kind: 'CLOSED', failures: 1 }],
    [
      'the threshold-th failure in a row opens',
      { kind: 'CLOSED', failures: 2 },
      'failure',
      { kind: 'OPEN', until: 10_500 },
    ],
    ['a success resets the count', { kind: 'CLOSED', failures: 2 }, 'success', CLOSED],
    ['a successful probe closes', { kind: 'HALF_OPEN' }, 'success', CLOSED],
    [
      'a failed probe opens again for a whole cool-down',
      { kind: 'HALF_OPEN' },
      'failure',
      { kind: 'OPEN', until: 10_500 },
    ],
    [
      'a straggler failing while open does not extend the cool-down',
      { kind: 'OPEN', until: 2_000 },
      'failure',
      { kind: 'OPEN', until: 2_000 },
    ],
    [
      'a straggler succeeding while open closes: the partner answers',
      { kind: 'OPEN', until: 2_000 },
      'success',
      CLOSED,
    ],
  ])('%s', (_name, state, outcome, next) => {
    expect(record(state, outcome, 500, SETTINGS)).toEqual(next);
  });
});

describe('a partner breaker on a clock', () => {
  function setup() {
    let now = 0;
    const changes: string[] = [];
    const breaker = createPartnerBreaker(SETTINGS, {
      now: () => now,
      onChange: (from, to) => changes.push(`${from}->${to}`),
    });
    return { breaker, changes, advance: (ms: number) => (now += ms) };
  }

  it('opens after N consecutive failures, refuses for the cool-down, probes once, closes on success', () => {
    const { breaker, changes, advance } = setup();
    for (let i = 0; i < 3; i += 1) {
      expect(breaker.tryAcquire()).toBe(true);
      breaker.failure();
    }
    expect(breaker.state).toBe('OPEN');
    advance(9_999);
    expect(breaker.tryAcquire()).toBe(false);
    advance(1);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.success();
    expect(breaker.state).toBe('CLOSED');
    expect(breaker.tryAcquire()).toBe(true);
    expect(changes).toEqual(['CLOSED->OPEN', 'OPEN->HALF_OPEN', 'HALF_OPEN->CLOSED']);
  });

  it('failures broken by a success do not open it', () => {
    const { breaker } = setup();
    for (const outcome of ['failure', 'failure', 'success', 'failure', 'failure'] as const) {
      breaker.tryAcquire();
      breaker[outcome]();
    }
    expect(breaker.state).toBe('CLOSED');
  });

  it('a failed probe keeps it open for another cool-down and logs each change once', () => {
    const { breaker, changes, advance } = setup();
    for (let i = 0; i < 5; i += 1) {
      breaker.tryAcquire();
      breaker.failure();
    }
    for (let i = 0; i < 100; i += 1) breaker.tryAcquire();
    advance(10_000);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.failure();
    advance(9_999);
    expect(breaker.tryAcquire()).toBe(false);
    advance(1);
    expect(breaker.tryAcquire()).toBe(true);
    expect(changes).toEqual(['CLOSED->OPEN', 'OPEN->HALF_OPEN', 'HALF_OPEN->OPEN', 'OPEN->HALF_OPEN']);
  });
});
