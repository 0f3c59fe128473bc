import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { ROLES, readLocalTokenRequest } from '@ip/kit/identity';

/** Signs a token of the local issuer; exists only on the embedded default. */
export type LocalTokenIssuer = (agency: string, role: string) => Promise<string>;

export interface WebServerOptions {
  readonly port: number;
  readonly host?: string;
  /** The built pages. */
  readonly distDir: string;
  /** The gateway's GraphQL URL; the pages talk to it through this server, on their own origin. */
  readonly gatewayUrl: string;
  readonly familienkassen: readonly string[];
  /** The day the SLA dashboard opens on; today when left out. */
  readonly stichtag?: string | undefined;
  /** Resolves when the pages in `distDir` are built; until then a page says so and reloads itself. */
  readonly built?: Promise<void>;
  /** The sign-in of the embedded default; left out (an identity provider), the pages offer none. */
  readonly tokenIssuer?: LocalTokenIssuer | undefined;
}

export interface RunningWebServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** What the page learns at start: how it signs in, and which Familienkassen the dashboard lists. */
export interface PageSettings {
  /** `lokal`: the page signs in with the local issuer (roles listed); `proxy`: a proxy in front adds the token. */
  readonly anmeldung:
    { readonly art: 'lokal'; readonly rollen: Readonly<Record<string, readonly string[]>> } | { readonly art: 'proxy' };
  readonly familienkassen: readonly string[];
  readonly stichtag: string | null;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Everything the pages load comes from this server; they talk to nothing else. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const MAX_BODY_BYTES = 1_048_576;

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response.statusCode = status;
  response.setHeader('content-type', type);
  response.setHeader('x-content-type-options', 'nosniff');
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.end(body);
}

const sendJson = (response: ServerResponse, status: number, body: unknown) =>
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body), { 'cache-control': 'no-store' });

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * `/graphql` on the pages' own origin, passed on to the gateway with the caller's token: the pages need no
 * CORS and their CSP can stay `connect-src 'self'`. The gateway answers as it answers anyone; this server
 * adds nothing and decides nothing.
 */
async function forward(options: WebServerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'POST')
    return send(response, 405, 'text/plain; charset=utf-8', 'POST only', { allow: 'POST' });
  const body = await readBody(request);
  if (body === undefined)
    return sendJson(response, 413, {
      errors: [{ message: 'The request body is too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  const headers: Record<string, string> = { 'content-type': request.headers['content-type'] ?? 'application/json' };
  if (request.headers.authorization) headers['authorization'] = request.headers.authorization;
  let answer: Response;
  try {
    answer = await fetch(options.gatewayUrl, {
      method: 'POST',
      headers,
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(60_000),
    });
  } catch {
    return sendJson(response, 502, {
      errors: [{ message: 'Das Gateway ist nicht erreichbar', extensions: { code: 'GATEWAY_NICHT_ERREICHBAR' } }],
    });
  }
  send(
    response,
    answer.status,
    answer.headers.get('content-type') ?? 'application/json',
    Buffer.from(await answer.arrayBuffer()),
    { 'cache-control': 'no-store' },
  );
}

/** Shown while the first start builds the pages; it reloads itself (no script: the CSP allows none inline). */
const BUILDING = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3"><title>Integration Point</title></head>
<body><p>Die Seiten werden beim ersten Start gebaut; diese Seite lädt sich gleich neu.</p></body></html>
`;

async function serveFile(
  options: WebServerOptions,
  path: string,
  response: ServerResponse,
  building: boolean,
): Promise<void> {
  if (building)
    return send(response, 503, 'text/html; charset=utf-8', BUILDING, {
      'retry-after': '3',
      'cache-control': 'no-store',
      'content-security-policy': CSP,
    });
  // Hash routes (#/sla, #/personen): every other path is a built file or not there.
  const name = path === '/' ? 'index.html' : normalize(path).replace(/^[/\\]+/, '');
  if (name.startsWith('..') || name.includes('\0'))
    return send(response, 404, 'text/plain; charset=utf-8', 'not found');
  let content: Buffer;
  try {
    content = await readFile(join(options.distDir, name));
  } catch {
    return send(response, 404, 'text/plain; charset=utf-8', 'not found');
  }
  // Vite names built assets by content hash: they never change, so they may be kept.
  const cache = name.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  send(response, 200, TYPES[extname(name)] ?? 'application/octet-stream', content, {
    'cache-control': cache,
    'content-security-policy': CSP,
    'referrer-policy': 'no-referrer',
  });
}

async function handle(
  options: WebServerOptions,
  settings: PageSettings,
  state: { building: boolean },
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://web').pathname;
  if (path === '/graphql') return forward(options, request, response);
  if (path === '/einstellungen.json') return sendJson(response, 200, settings);
  if (path === '/anmeldung/token' && options.tokenIssuer) {
    if (request.method !== 'POST')
      return send(response, 405, 'text/plain; charset=utf-8', 'POST only', { allow: 'POST' });
    const asked = await readLocalTokenRequest(request);
    if ('error' in asked) return sendJson(response, asked.status, { error: asked.error });
    return sendJson(response, 200, { token: await options.tokenIssuer(asked.agency, asked.role) });
  }
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return send(response, 405, 'text/plain; charset=utf-8', 'GET only', { allow: 'GET, HEAD' });
  return serveFile(options, path, response, state.building);
}

/** Serves the built pages, their settings, the local sign-in (embedded default only) and `/graphql`. */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const settings: PageSettings = {
    anmeldung: options.tokenIssuer ? { art: 'lokal', rollen: ROLES } : { art: 'proxy' },
    familienkassen: options.familienkassen,
    stichtag: options.stichtag ?? null,
  };
  const state = { building: options.built !== undefined };
  void options.built?.then(() => (state.building = false));
  const server = createServer((request, response) => {
    handle(options, settings, state, request, response).catch((error: unknown) => {
      console.error('web: request failed', error);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : 'localhost';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
