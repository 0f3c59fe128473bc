import { bounded, counter, gauge, histogram, metricsEnabled } from '@ip/observability';
import { PASS_THROUGH } from './format-error.ts';
import type { BreakerState } from './partner-breaker.ts';

/**
 * The gateway's metrics. Operation names are label values only for registered operations (the trusted
 * documents' names); every other name is `other`, so a client inventing names cannot create series.
 */
const requests = counter<'operation' | 'status'>({
  name: 'ip_gateway_requests_total',
  help: 'Requests the gateway answered, by operation and HTTP status',
  labelNames: ['operation', 'status'],
});

const requestDuration = histogram<'operation'>({
  name: 'ip_gateway_request_duration_seconds',
  help: 'Time from receiving a request to the end of its answer, by operation',
  labelNames: ['operation'],
});

const errors = counter<'code'>({
  name: 'ip_gateway_errors_total',
  help: 'Errors in gateway answers, by extensions.code',
  labelNames: ['code'],
});

const partnerDuration = histogram<'partner'>({
  name: 'ip_gateway_partner_fetch_duration_seconds',
  help: 'Time of one fetch from a partner subgraph, answered or not',
  labelNames: ['partner'],
});

const partnerErrors = counter<'partner' | 'grund'>({
  name: 'ip_gateway_partner_errors_total',
  help: 'Partner fetches without an answer, by reason: ZEITUEBERSCHREITUNG (timeout), VERBINDUNG_FEHLGESCHLAGEN, FEHLERANTWORT, SCHUTZSCHALTUNG_OFFEN',
  labelNames: ['partner', 'grund'],
});

const CODES = new Set([...PASS_THROUGH, 'INTERNAL_SERVER_ERROR']);

/** Each partner's breaker, read when Prometheus scrapes. */
const breakers = new Map<string, () => BreakerState['kind']>();
const CIRCUIT_VALUE: Record<BreakerState['kind'], number> = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 };
gauge<'partner'>({
  name: 'ip_gateway_partner_circuit_state',
  help: "A partner's circuit breaker: 0 closed (asked), 1 half open (one probe on its way), 2 open (not asked)",
  labelNames: ['partner'],
  collect() {
    for (const [partner, state] of breakers) this.set({ partner }, CIRCUIT_VALUE[state()]);
  },
});

export function watchBreaker(partner: string, state: () => BreakerState['kind']): void {
  breakers.set(partner, state);
}

export function observeGatewayRequest(
  operation: string | undefined,
  knownOperations: ReadonlySet<string>,
  status: number,
  seconds: number,
  codes: Iterable<string>,
): void {
  if (!metricsEnabled()) return;
  const label = bounded(operation, knownOperations);
  requests.inc({ operation: label, status: String(status) });
  requestDuration.observe({ operation: label }, seconds);
  for (const code of codes) errors.inc({ code: bounded(code, CODES) });
}

export function observePartnerFetch(partner: string, seconds: number, grund: string | undefined): void {
  if (!metricsEnabled()) return;
  partnerDuration.observe({ partner }, seconds);
  if (grund) partnerErrors.inc({ partner, grund });
}
