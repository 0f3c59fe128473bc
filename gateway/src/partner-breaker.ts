/**
 * A circuit breaker per partner: a partner that failed `failureThreshold` times in a row is not asked for
 * `cooldownMs`, so clients get its error at once instead of each waiting out a timeout; then one probe
 * request is let through, and its outcome closes the circuit or opens it again.
 *
 * The transitions are pure functions of (state, event, time); `createPartnerBreaker` holds the state.
 */

export interface BreakerSettings {
  /** Consecutive failures (timeouts, connection failures, 5xx, unreadable answers) that open the circuit. */
  readonly failureThreshold: number;
  /** How long an open circuit keeps the partner from being asked before one probe goes through. */
  readonly cooldownMs: number;
}

export type BreakerState =
  | { readonly kind: 'CLOSED'; readonly failures: number }
  | { readonly kind: 'OPEN'; readonly until: number }
  /** The probe is on its way; everything else is refused until it comes back. */
  | { readonly kind: 'HALF_OPEN' };

export const CLOSED: BreakerState = Object.freeze({ kind: 'CLOSED', failures: 0 });

/** May a request go to the partner now? An open circuit whose cool-down is over admits this one request as the probe. */
export function admit(state: BreakerState, now: number): { readonly admitted: boolean; readonly state: BreakerState } {
  switch (state.kind) {
    case 'CLOSED':
      return { admitted: true, state };
    case 'OPEN':
      return now >= state.until ? { admitted: true, state: { kind: 'HALF_OPEN' } } : { admitted: false, state };
    case 'HALF_OPEN':
      return { admitted: false, state };
    default:
      return unreachable(state);
  }
}

/**
 * The outcome of a request that was admitted. A success closes the circuit from any state. A failure counts
 * while closed, re-opens a half-open circuit, and leaves an open one as it is (a straggler sent before it opened).
 */
export function record(
  state: BreakerState,
  outcome: 'success' | 'failure',
  now: number,
  settings: BreakerSettings,
): BreakerState {
  if (outcome === 'success') return state.kind === 'CLOSED' && state.failures === 0 ? state : CLOSED;
  switch (state.kind) {
    case 'CLOSED': {
      const failures = state.failures + 1;
      return failures >= settings.failureThreshold
        ? { kind: 'OPEN', until: now + settings.cooldownMs }
        : { kind: 'CLOSED', failures };
    }
    case 'HALF_OPEN':
      return { kind: 'OPEN', until: now + settings.cooldownMs };
    case 'OPEN':
      return state;
    default:
      return unreachable(state);
  }
}

function unreachable(state: never): never {
  throw new Error(`unknown breaker state ${JSON.stringify(state)}`);
}

export interface PartnerBreaker {
  /** True if the request may go to the partner; the caller must then report its outcome exactly once. */
  tryAcquire(): boolean;
  success(): void;
  failure(): void;
  readonly state: BreakerState['kind'];
}

/** Holds one partner's state; `onChange` hears each change of kind once (for the log), not each request. */
export function createPartnerBreaker(
  settings: BreakerSettings,
  options: {
    readonly now?: () => number;
    readonly onChange?: (from: BreakerState['kind'], to: BreakerState['kind']) => void;
  } = {},
): PartnerBreaker {
  const now = options.now ?? Date.now;
  let state: BreakerState = CLOSED;
  const move = (next: BreakerState) => {
    const from = state.kind;
    state = next;
    if (from !== next.kind) options.onChange?.(from, next.kind);
  };
  return {
    tryAcquire() {
      const result = admit(state, now());
      move(result.state);
      return result.admitted;
    },
    success: () => move(record(state, 'success', now(), settings)),
    failure: () => move(record(state, 'failure', now(), settings)),
    get state() {
      return state.kind;
    },
  };
}
