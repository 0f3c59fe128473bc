import { Agent, type Dispatcher } from 'undici';
import type { Ausfallgrund } from './partner-unreachable.ts';

export interface PartnerTimeouts {
  /** How long opening a TCP connection to the partner may take. */
  readonly connectTimeoutMs: number;
  /** How long one request may take in all: waiting for a pooled connection, sending, the partner's work, reading the answer. */
  readonly timeoutMs: number;
}

/** A partner's HTTP answer: its status and its body, parsed when it says it is JSON, else the text. */
export interface PartnerAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** POSTs one body to one partner URL on the partner's pool. */
export type PartnerPost = (body: string, headers: Readonly<Record<string, string>>) => Promise<PartnerAnswer>;

export interface SubgraphClient {
  /** The poster for one URL of the partner (parsed once, not per request). */
  endpoint(url: string): PartnerPost;
  close(): Promise<void>;
}

const JSON_TYPES = /^application\/(graphql-response\+)?json/i;

/**
 * One keep-alive connection pool per partner: a person page fans out to four subgraphs on every request,
 * and a new TCP connection each time would cost more than the subgraph's own work. Without limits undici
 * would wait 300 s for a partner that accepted the connection and never answers; here every request is
 * aborted after the partner's total timeout, which covers the wait for a pooled connection and the reading
 * of the body (one timer for it all).
 *
 * `undici`'s `dispatch()`, not `fetch()` or `request()`: a subgraph call through `fetch()` built WHATWG
 * Request, Headers and web-stream objects and cost 218–325 µs of gateway CPU, through `request()` 42–65 µs
 * (issue 18's profile: `fetch()` was 47 % of the gateway's CPU on the person view); `dispatch()` hands the
 * body's chunks over as they come, without `request()`'s body stream and its abort signal: 10–30 µs less
 * per call in a loop against a local server.
 */
export function createSubgraphClient(timeouts: PartnerTimeouts): SubgraphClient {
  const agent = new Agent({
    keepAliveTimeout: 30_000,
    connections: 64,
    connect: { timeout: timeouts.connectTimeoutMs },
    headersTimeout: timeouts.timeoutMs,
    bodyTimeout: timeouts.timeoutMs,
  });
  return {
    endpoint(url) {
      const target = new URL(url);
      const origin = target.origin;
      const path = `${target.pathname}${target.search}`;
      return (body, headers) =>
        new Promise<PartnerAnswer>((resolve, reject) => {
          let status = 0;
          let json = false;
          const chunks: Buffer[] = [];
          let request: Dispatcher.DispatchController | undefined;
          let timedOut: DOMException | undefined;
          // The total timeout starts now, so it covers the wait for a pooled connection as well. One timer
          // per call, cleared with the answer: `AbortSignal.timeout()` kept its timer after every answer and
          // then built a `DOMException` with a stack and dispatched an abort event for nobody, 10 % of the
          // gateway's CPU on the person view (issue 18).
          const timer = setTimeout(() => {
            timedOut = new DOMException(`no complete answer within ${timeouts.timeoutMs} ms`, 'TimeoutError');
            if (request) request.abort(timedOut);
            else reject(timedOut);
          }, timeouts.timeoutMs);
          agent.dispatch(
            { origin, path, method: 'POST', headers, body },
            {
              onRequestStart(controller) {
                // A request that timed out while waiting for a connection is not sent late.
                if (timedOut) controller.abort(timedOut);
                else request = controller;
              },
              onResponseStart(_controller, statusCode, responseHeaders) {
                status = statusCode;
                const type = responseHeaders['content-type'];
                json = JSON_TYPES.test(Array.isArray(type) ? (type[0] ?? '') : (type ?? ''));
              },
              onResponseData(_controller, chunk) {
                chunks.push(chunk);
              },
              onResponseEnd() {
                clearTimeout(timer);
                try {
                  resolve({ status, body: parse(chunks, json) });
                } catch (error) {
                  reject(error instanceof Error ? error : new Error(String(error)));
                }
              },
              onResponseError(_controller, error) {
                clearTimeout(timer);
                reject(error);
              },
            },
          );
        });
    },
    close: () => agent.close(),
  };
}

/**
 * The body as JSON when the partner says it is, else its text; decoded as undici's `body.json()` and
 * `body.text()` decode: UTF-8, a leading byte-order mark dropped.
 */
function parse(chunks: readonly Buffer[], json: boolean): unknown {
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  const decoded = bytes.toString('utf8');
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  return json ? JSON.parse(text) : text;
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
 * `TimeoutError`; a failed or broken connection surfaces as an error with a system or undici code (`fetch()`
 * wrapped it in a `TypeError` as its cause; both are read); anything else (a body that is no JSON, say) is a
 * faulty answer.
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
