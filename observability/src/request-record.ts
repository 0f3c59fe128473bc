import type { IncomingMessage, ServerResponse } from 'node:http';
import { log } from './logger.ts';
import { REQUEST_ID_HEADER, requestIdOf, traceIdOf } from './request-id.ts';
import { inServerSpan, type RequestSpan } from './tracing.ts';

/** A partner that did not answer, as the gateway tells the client (`extensions.partner`, `extensions.grund`). */
export interface PartnerError {
  readonly partner: string;
  readonly grund: string;
}

/**
 * What a service learns about one request while serving it, for its one log line and its metrics. Only
 * fields the code fills from what it decided: never variables, answers or other text a caller sent.
 */
export interface RequestRecord {
  readonly requestId: string;
  traceId: string | undefined;
  /** The request's server span (with tracing on): the parent a service hands its client spans by hand. */
  span: RequestSpan | undefined;
  /** The GraphQL operation's name (a GraphQL Name: letters, digits, underscores), once parsed. */
  operation: string | undefined;
  agency: string | undefined;
  role: string | undefined;
  /** `extensions.code` of every error in the answer, each once. */
  readonly errorCodes: Set<string>;
  readonly partnerErrors: PartnerError[];
}

/**
 * Any object of the request (its IncomingMessage, its response, its GraphQL context) leads to its record,
 * through a symbol-keyed property: Apollo Server hands plugins a shallow copy of the context, which keeps
 * the property but would miss a WeakMap entry of the original.
 */
const RECORD = Symbol('ip.requestRecord');

export function bindRecord(key: object, record: RequestRecord): void {
  // An assignment, not `Object.defineProperty` and its descriptor: the same own enumerable property, cheaper.
  (key as { [RECORD]?: RequestRecord })[RECORD] = record;
}

export function recordFor(key: object): RequestRecord | undefined {
  return (key as { [RECORD]?: RequestRecord })[RECORD];
}

export interface RequestOutcome {
  readonly record: RequestRecord;
  readonly status: number;
  readonly seconds: number;
}

/**
 * Serves one HTTP request under observation: takes or makes its request id and returns it in the
 * `x-request-id` header, runs `serve` inside a server span that continues the caller's trace, and when the
 * answer has left writes the request's one log line and hands the outcome to `finished` (metrics).
 */
export function observeRequest(
  service: string,
  request: IncomingMessage,
  response: ServerResponse,
  serve: () => Promise<void>,
  finished: (outcome: RequestOutcome) => void,
): Promise<void> {
  const start = performance.now();
  const record: RequestRecord = {
    requestId: requestIdOf(request.headers[REQUEST_ID_HEADER]),
    traceId: undefined,
    span: undefined,
    operation: undefined,
    agency: undefined,
    role: undefined,
    errorCodes: new Set(),
    partnerErrors: [],
  };
  bindRecord(request, record);
  bindRecord(response, record);
  response.setHeader(REQUEST_ID_HEADER, record.requestId);
  // `on`, not `once`, which wraps the listener anew for every request: Node emits a response's 'close' once.
  response.on('close', () => {
    const seconds = (performance.now() - start) / 1000;
    // A connection the client cut before the answer was complete is logged with status 499, as nginx does.
    const status = response.writableFinished ? response.statusCode : 499;
    logRequest(record, status, seconds);
    finished({ record, status, seconds });
  });
  return inServerSpan(service, request.headers, async (span) => {
    record.span = span;
    record.traceId = span?.spanContext().traceId ?? traceIdOf(request.headers['traceparent']);
    await serve();
    span?.setAttribute('http.response.status_code', response.statusCode);
  });
}

function logRequest(record: RequestRecord, status: number, seconds: number): void {
  const logger = log();
  const level = status >= 500 ? 'error' : 'info';
  if (!logger.isLevelEnabled(level)) return;
  // One shape for every line, no spreads: pino leaves out a field that is undefined, as it does an absent one.
  logger[level](
    {
      requestId: record.requestId,
      traceId: record.traceId,
      operation: record.operation,
      agency: record.agency,
      role: record.role,
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
      errors: record.errorCodes.size > 0 ? [...record.errorCodes] : undefined,
      partnerErrors: record.partnerErrors.length > 0 ? record.partnerErrors : undefined,
    },
    'request',
  );
}
