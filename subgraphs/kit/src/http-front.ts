import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  bindRecord,
  log,
  observeRequest,
  recordFor,
  serveOperations,
  type OperationsProbes,
  type RequestOutcome,
} from '@ip/observability';

export interface SubgraphHttpOptions<TContext extends BaseContext> {
  readonly name: string;
  readonly server: ApolloServer<TContext>;
  readonly context: (request: IncomingMessage) => Promise<TContext>;
  readonly probes: OperationsProbes;
  readonly finished: (outcome: RequestOutcome) => void;
  readonly port: number;
  readonly host?: string;
}

/** As much as Apollo's standalone server took (its body parser's limit); the gateway's own limit is far lower. */
const MAX_BODY_BYTES = 50 * 2 ** 20;

/**
 * A subgraph's HTTP server: `/health`, `/ready` and `/metrics` first, then every other request to Apollo
 * Server, observed (request id, trace, one log line, metrics). It replaces Apollo's standalone server,
 * which answers every path with GraphQL and leaves no place to observe a request around it.
 */
export async function listenSubgraph<TContext extends BaseContext>(
  options: SubgraphHttpOptions<TContext>,
): Promise<string> {
  const httpServer = createServer((request, response) => {
    if (serveOperations(request, response, options.probes)) return;
    observeRequest(options.name, request, response, () => handle(options, request, response), options.finished).catch(
      (error: unknown) => {
        log().error(
          { err: { type: (error as Error)?.name, code: (error as { code?: unknown })?.code } },
          'request failed',
        );
        if (!response.headersSent)
          send(response, 500, {
            errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
          });
        else response.destroy();
      },
    );
  });
  options.server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await options.server.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : 'localhost';
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/graphql`;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}

async function handle<TContext extends BaseContext>(
  options: SubgraphHttpOptions<TContext>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  // Bearer tokens, not cookies, carry the caller; as under Apollo's standalone server any origin may call.
  response.setHeader('access-control-allow-origin', '*');
  if (request.method === 'OPTIONS') {
    response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    response.setHeader(
      'access-control-allow-headers',
      request.headers['access-control-request-headers'] ?? 'content-type, authorization',
    );
    response.statusCode = 204;
    response.end();
    return;
  }
  const raw = await readBody(request);
  if (raw === undefined)
    return send(response, 413, {
      errors: [{ message: 'The request body is too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown;
  if (/^application\/(?:[\w.-]+\+)?json\b/i.test(headers.get('content-type') ?? '') && raw.length > 0) {
    try {
      body = JSON.parse(raw);
    } catch {
      return send(response, 400, {
        errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
      });
    }
  }
  const search = new URL(request.url ?? '/', 'http://subgraph').search;
  const result = await options.server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (request.method ?? 'GET').toUpperCase(), headers, search, body },
    context: async () => {
      const context = await options.context(request);
      // The GraphQL plugins find the request's record through its context.
      const record = recordFor(request);
      if (record) bindRecord(context, record);
      return context;
    },
  });
  response.statusCode = result.status ?? 200;
  for (const [key, value] of result.headers) response.setHeader(key, value);
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

/** The body as text, or undefined once it exceeds the limit. */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
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
