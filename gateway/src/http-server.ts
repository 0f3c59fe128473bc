import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import {
  log,
  observeRequest,
  recordFor,
  serveOperations,
  type OperationsProbes,
  type RequestOutcome,
} from '@ip/observability';
import type { GraphQLFormattedError } from 'graphql';
import {
  findTrustedDocument,
  withTrustedText,
  type OperationReference,
  type TrustedDocuments,
} from './trusted-documents.ts';

export interface HttpOptions<TContext extends BaseContext> {
  readonly server: ApolloServer<TContext>;
  readonly context: (request: IncomingMessage) => Promise<TContext>;
  /** Bodies over this size are refused with 413 and not read further. */
  readonly maxBodyBytes: number;
  /** Set in production mode: only these operations run. */
  readonly trustedDocuments: TrustedDocuments | undefined;
  /** Request limits checked on the operation's text before Apollo Server sees it; refusals get HTTP 400. */
  readonly precheck: (query: string) => readonly GraphQLFormattedError[];
  /** The explorer's routes (`/explorer/…`); answers whether it handled the request. Left out: no explorer. */
  readonly explorer?: ((request: IncomingMessage, response: ServerResponse) => Promise<boolean>) | undefined;
  readonly port: number;
  readonly host?: string;
  /** `/health`, `/ready` and `/metrics`, answered before anything else and without a token. */
  readonly probes: OperationsProbes;
  /** Hears each request's outcome once its answer has left (the metrics). */
  readonly finished: (outcome: RequestOutcome) => void;
}

export interface HttpListener {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A plain `node:http` front for Apollo Server instead of `startStandaloneServer`: the standalone server's
 * body parser buffers up to 50 MB and answers bigger bodies with an HTML page, and it offers no place to
 * resolve trusted documents before Apollo sees the request. Here a body is read only up to the limit,
 * every refusal is a JSON GraphQL error, and the rest (CSRF prevention, the 401 of a bad
 * token from the context function) stays Apollo Server's own behaviour. Apollo's landing page (Sandbox,
 * loaded from Apollo's CDN) is off; the explorer (`explorer/`) is served from this process instead.
 */
export async function listenHttp<TContext extends BaseContext>(options: HttpOptions<TContext>): Promise<HttpListener> {
  const httpServer = createServer((request, response) => {
    if (serveOperations(request, response, options.probes)) return;
    observeRequest('gateway', request, response, () => handle(options, request, response), options.finished).catch(
      (error: unknown) => {
        log().error(
          { err: { type: (error as Error)?.name, code: (error as { code?: unknown })?.code } },
          'request failed',
        );
        if (!response.headersSent)
          sendErrors(response, 500, [
            { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
          ]);
        else response.destroy();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : 'localhost';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        httpServer.close((error) => (error ? reject(error) : resolve()));
        httpServer.closeAllConnections();
      }),
  };
}

/** Bearer tokens, not cookies, carry the caller, so any origin may call; the token decides what it sees. */
function setCors(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('access-control-allow-origin', '*');
  if (request.method !== 'OPTIONS') return;
  response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  response.setHeader(
    'access-control-allow-headers',
    request.headers['access-control-request-headers'] ?? 'content-type, authorization',
  );
  response.setHeader('access-control-max-age', '600');
  response.setHeader('vary', 'access-control-request-headers');
}

function sendErrors(response: ServerResponse, status: number, errors: readonly GraphQLFormattedError[]): void {
  const record = recordFor(response);
  for (const error of errors)
    if (typeof error.extensions?.['code'] === 'string') record?.errorCodes.add(error.extensions['code']);
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify({ errors }));
}

/** A browser opening the gateway's address (no operation named) is sent to the explorer. */
function isBrowserVisit(request: IncomingMessage, url: URL): boolean {
  return (
    request.method === 'GET' &&
    /\btext\/html\b/.test(request.headers.accept ?? '') &&
    !url.searchParams.has('query') &&
    !url.searchParams.has('documentId') &&
    !url.searchParams.has('extensions')
  );
}

async function handle<TContext extends BaseContext>(
  options: HttpOptions<TContext>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  // The explorer's routes come before CORS: its token helper must not answer other origins.
  if (options.explorer) {
    if (await options.explorer(request, response)) return;
    if (isBrowserVisit(request, new URL(request.url ?? '/', 'http://gateway'))) {
      response.statusCode = 302;
      response.setHeader('location', '/explorer/');
      response.end();
      return;
    }
  }
  setCors(request, response);
  if (request.method === 'OPTIONS') {
    response.statusCode = 204;
    response.end();
    return;
  }
  const raw = await readBody(request, options.maxBodyBytes);
  if (raw === undefined) return refuseTooLarge(request, response, options.maxBodyBytes);

  const url = new URL(request.url ?? '/', 'http://gateway');
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const isJson = /^application\/(?:[\w.-]+\+)?json\b/i.test(headers.get('content-type') ?? '');
  let body: unknown = raw;
  if (isJson && raw.length > 0) {
    try {
      body = JSON.parse(raw);
    } catch {
      return sendErrors(response, 400, [
        { message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } },
      ]);
    }
  }

  let search = url.search;
  if (options.trustedDocuments) {
    const resolved = trustedRequest(options.trustedDocuments, request.method, url.searchParams, body);
    if (resolved === 'not registered') {
      return sendErrors(response, 400, [
        {
          message: 'Only registered operations run here; send the documentId of a registered operation',
          extensions: { code: 'OPERATION_NOT_REGISTERED' },
        },
      ]);
    }
    ({ search, body } = resolved ?? { search, body });
  }

  const query =
    request.method === 'GET' ? new URLSearchParams(search).get('query') : (body as { query?: unknown } | null)?.query;
  const refusals = typeof query === 'string' ? options.precheck(query) : [];
  if (refusals.length > 0) return sendErrors(response, 400, refusals);

  const httpGraphQLRequest: HTTPGraphQLRequest = {
    method: (request.method ?? 'GET').toUpperCase(),
    headers,
    search,
    body,
  };
  const result = await options.server.executeHTTPGraphQLRequest({
    httpGraphQLRequest,
    context: () => options.context(request),
  });
  response.statusCode = result.status ?? 200;
  for (const [name, value] of result.headers) response.setHeader(name, value);
  if (result.body.kind === 'complete') {
    // As bytes, not as the string: Node prepends its header lines to a string body, and that joined string
    // was copied whole once more to be written (a page of 50 persons: 50 KB, twice); a buffer goes out
    // beside the header lines. Apollo Server's text ends in a line break, so it is copied once either way.
    response.end(Buffer.from(result.body.string));
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

/**
 * In production mode: the request with the registered text in place of its reference, or 'not registered'.
 * A GET request names its operation in the query string, a POST in its JSON body; a body that is not a
 * JSON object is left to Apollo Server, which refuses it.
 */
function trustedRequest(
  registry: TrustedDocuments,
  method: string | undefined,
  params: URLSearchParams,
  body: unknown,
): { search: string; body: unknown } | 'not registered' | undefined {
  if (method === 'GET') {
    // No operation named at all: Apollo Server refuses the request itself.
    if (!params.has('query') && !params.has('documentId') && !params.has('extensions')) return undefined;
    const extensions = params.get('extensions');
    let parsedExtensions: unknown;
    try {
      parsedExtensions = extensions ? JSON.parse(extensions) : undefined;
    } catch {
      return 'not registered';
    }
    const reference: OperationReference = {
      query: params.get('query') ?? undefined,
      documentId: params.get('documentId') ?? undefined,
      extensions: parsedExtensions,
    };
    const document = findTrustedDocument(registry, reference);
    if (!document) return 'not registered';
    const next = new URLSearchParams(params);
    next.delete('documentId');
    next.delete('extensions');
    next.set('query', document.document);
    return { search: `?${next.toString()}`, body };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const document = findTrustedDocument(registry, body);
  if (!document) return 'not registered';
  return { search: '', body: withTrustedText(body as Record<string, unknown>, document) };
}

/** The body as text, or undefined as soon as it is longer than `limit` bytes (the rest is not read). */
function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.once('error', reject);
  });
}

/**
 * 413 with a JSON error; the connection is closed after the answer, so the rest of the body is never
 * read. The socket is cut a moment after the answer left: cut at once, a close with unread data resets the
 * connection and may drop the answer; not cut, a client (undici's fetch) keeps sending and waits.
 */
function refuseTooLarge(request: IncomingMessage, response: ServerResponse, limit: number): void {
  response.setHeader('connection', 'close');
  sendErrors(response, 413, [
    {
      message: `The request body is larger than the limit of ${limit} bytes`,
      extensions: { code: 'PAYLOAD_TOO_LARGE', limit },
    },
  ]);
  response.once('finish', () => setTimeout(() => request.socket.destroy(), 100).unref());
}
