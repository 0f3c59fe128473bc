import { describe, expect, it, vi } from 'vitest';
import { formatGatewayError } from '../src/format-error.ts';
import { failureReason } from '../src/subgraph-fetcher.ts';

describe('formatGatewayError', () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);

  it("passes a subgraph's refusal as the subgraph wrote it, without the gateway's serviceName or a stack", () => {
    const formatted = formatGatewayError(
      {
        message: 'Date must be a calendar day',
        path: ['person', 'x'],
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'stichtag',
          serviceName: 'auslaenderbehoerde',
          stacktrace: ['at x'],
        },
      },
      undefined,
    );
    expect(formatted).toEqual({
      message: 'Date must be a calendar day',
      path: ['person', 'x'],
      extensions: { code: 'BAD_USER_INPUT', field: 'stichtag' },
    });
  });

  it("reports a subgraph's internal error as INTERNAL_SERVER_ERROR naming the partner, not as an outage", () => {
    for (const code of ['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR', undefined]) {
      const formatted = formatGatewayError(
        { message: 'relation "x" does not exist', path: ['a'], extensions: { code, serviceName: 'familienkasse' } },
        undefined,
      );
      expect(formatted).toEqual({
        message: 'Partner familienkasse failed internally',
        path: ['a'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', partner: 'familienkasse' },
      });
    }
  });

  it('passes an outage with its reason, and masks anything unknown of the gateway itself', () => {
    const outage = {
      message: 'Partner jobcenter could not answer',
      extensions: { code: 'PARTNER_NICHT_ERREICHBAR', partner: 'jobcenter', grund: 'ZEITUEBERSCHREITUNG' },
    };
    expect(formatGatewayError(outage, undefined)).toEqual(outage);
    expect(
      formatGatewayError(
        { message: 'connect ECONNREFUSED 10.0.0.1:4003', extensions: { response: { url: 'http://10.0.0.1:4003' } } },
        undefined,
      ),
    ).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});

describe('failureReason', () => {
  const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });
  it.each<[string, unknown, string]>([
    [
      'the total timeout',
      new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
      'ZEITUEBERSCHREITUNG',
    ],
    [
      'a connect timeout',
      fetchFailed(Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' })),
      'ZEITUEBERSCHREITUNG',
    ],
    [
      'a refused connection',
      fetchFailed(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
      'VERBINDUNG_FEHLGESCHLAGEN',
    ],
    [
      'a connection that broke',
      fetchFailed(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })),
      'VERBINDUNG_FEHLGESCHLAGEN',
    ],
    // undici's request() throws the connection's error itself, not wrapped in fetch()'s TypeError.
    [
      'a refused connection (request)',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      'VERBINDUNG_FEHLGESCHLAGEN',
    ],
    [
      'a connect timeout (request)',
      Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' }),
      'ZEITUEBERSCHREITUNG',
    ],
    [
      'a headers timeout (request)',
      Object.assign(new Error('Headers Timeout Error'), { code: 'UND_ERR_HEADERS_TIMEOUT' }),
      'ZEITUEBERSCHREITUNG',
    ],
    ['a body that is no JSON', new SyntaxError('Unexpected token < in JSON'), 'FEHLERANTWORT'],
    ['a body that is no object', new Error('Expected JSON response body, but received: 42'), 'FEHLERANTWORT'],
  ])('%s', (_name, error, grund) => {
    expect(failureReason(error)).toBe(grund);
  });
});
