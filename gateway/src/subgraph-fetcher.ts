import type { Fetcher } from '@apollo/utils.fetcher';
import { Agent, fetch } from 'undici';
import type { Ausfallgrund } from './partner-unreachable.ts';

export interface PartnerTimeouts {
  /** How long opening a TCP connection to the partner may take. */
  readonly connectTimeoutMs: number;
  /** How long one request may take in all: waiting for a pooled connection, sending, the partner's work, reading the answer. */
  readonly timeoutMs: number;
}

/**
 * One keep-alive connection pool per partner: a person page fans out to four subgraphs on every request,
 * and a new TCP connection each time would cost more than the subgraph's own work. Without limits undici
 * would wait 300 s for a partner that accepted the connection and never answers; here every request is
 * aborted after the partner's total timeout, including the reading of the body (the datasource reads it
 * after `fetch` returns, and the same signal covers it).
 */
export function createSubgraphFetcher(timeouts: PartnerTimeouts): { fetcher: Fetcher; close: () => Promise<void> } {
  const agent = new Agent({
    keepAliveTimeout: 30_000,
    connections: 64,
    connect: { timeout: timeouts.connectTimeoutMs },
    headersTimeout: timeouts.timeoutMs,
    bodyTimeout: timeouts.timeoutMs,
  });
  const fetcher = ((url, init) =>
    fetch(url, { ...init, dispatcher: agent, signal: AbortSignal.timeout(timeouts.timeoutMs) })) as Fetcher;
  return { fetcher, close: () => agent.close() };
}

/** The reasons a request can fail with; an open breaker is the data source's to say. */
export type FailureReason = Exclude<Ausfallgrund, 'SCHUTZSCHALTUNG_OFFEN'>;

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/**
 * Why a request to a partner failed, from what undici threw: the total timeout aborts with a
 * `TimeoutError`; a failed or broken connection surfaces as a `TypeError` whose cause carries a system or
 * undici code; anything else (a body that is no JSON, say) is a faulty answer.
 */
export function failureReason(error: unknown): FailureReason {
  if (isNamed(error, 'TimeoutError')) return 'ZEITUEBERSCHREITUNG';
  const cause = error instanceof Error ? error.cause : undefined;
  if (isNamed(cause, 'TimeoutError')) return 'ZEITUEBERSCHREITUNG';
  const code = codeOf(cause) ?? codeOf(error);
  if (code && TIMEOUT_CODES.has(code)) return 'ZEITUEBERSCHREITUNG';
  if (code || (error instanceof TypeError && cause !== undefined)) return 'VERBINDUNG_FEHLGESCHLAGEN';
  return 'FEHLERANTWORT';
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
