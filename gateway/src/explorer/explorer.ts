import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROLES, readLocalTokenRequest, signLocalToken, type IdentityConfig } from '@ip/kit/identity';
import { explorerPage } from './page.ts';

/** Signs a token of the local issuer for a chosen agency and role; exists only on the embedded default. */
export type ExplorerTokenIssuer = (agency: string, role: string) => Promise<string>;

export interface ExplorerOptions {
  /** The token helper; left out, the page has none and `/explorer/token` does not exist (production). */
  readonly tokenIssuer?: ExplorerTokenIssuer | undefined;
}

const EXPLORER_PATH = '/explorer/';

/**
 * The explorer is on by default only on the embedded default; with an identity provider (production)
 * only when GATEWAY_EXPLORER=true. Its token helper exists only with the local issuer: in production the
 * gateway has no key to sign with and offers no helper at all.
 */
export function explorerOptions(identity: IdentityConfig, enabled: boolean | undefined): ExplorerOptions | undefined {
  const keys = identity.keys;
  if (!(enabled ?? keys.kind === 'local')) return undefined;
  if (keys.kind !== 'local') return {};
  return {
    tokenIssuer: (agency, role) =>
      signLocalToken(keys.dir, {
        userId: `explorer-${agency}-${role}`,
        agency,
        role,
        issuer: identity.issuer,
        audience: identity.audience,
        expiresIn: '8h',
      }),
  };
}

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const OWN = join(dirname(fileURLToPath(import.meta.url)), 'assets');

/**
 * Every file the page loads, served from this process: GraphiQL's and React's own builds from the npm
 * packages the lock file pins, and the page's script. Nothing comes from another host, so the explorer
 * works on an intranet without internet, and the CSP below lets the browser load nothing else.
 */
const ASSETS: Readonly<Record<string, { readonly file: string; readonly type: string }>> = {
  'react.production.min.js': {
    file: join(packageDir('react'), 'umd/react.production.min.js'),
    type: 'text/javascript',
  },
  'react-dom.production.min.js': {
    file: join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  'graphiql.min.js': { file: join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { file: join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'explorer.js': { file: join(OWN, 'explorer.js'), type: 'text/javascript' },
  'explorer.css': { file: join(OWN, 'explorer.css'), type: 'text/css' },
};

/**
 * GraphiQL styles its panes through the CSSOM (allowed under this policy); icons are data URIs in its CSS.
 * `connect-src 'self'` keeps the page's requests on this gateway.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extraHeaders: Record<string, string> = {},
): void {
  response.statusCode = status;
  response.setHeader('content-type', type);
  response.setHeader('x-content-type-options', 'nosniff');
  for (const [name, value] of Object.entries(extraHeaders)) response.setHeader(name, value);
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body), { 'cache-control': 'no-store' });
}

async function issueToken(
  tokenIssuer: ExplorerTokenIssuer,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  // Only this machine and the page itself; the routes under /explorer/ carry no CORS headers.
  const asked = await readLocalTokenRequest(request);
  if ('error' in asked) return sendJson(response, asked.status, { error: asked.error });
  sendJson(response, 200, { token: await tokenIssuer(asked.agency, asked.role) });
}

/**
 * The explorer's routes: the page at `/explorer/`, its files, and on the embedded default the token
 * helper at `/explorer/token`. Answers false for any other path, which the gateway then handles itself.
 */
export function createExplorer(
  options: ExplorerOptions,
): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  const page = explorerPage({ tokenHelper: options.tokenIssuer ? ROLES : undefined });
  return async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://gateway').pathname;
    if (path === '/explorer') {
      send(response, 308, 'text/plain; charset=utf-8', '', { location: EXPLORER_PATH });
      return true;
    }
    if (!path.startsWith(EXPLORER_PATH)) return false;
    const name = path.slice(EXPLORER_PATH.length);
    if (name === 'token' && options.tokenIssuer) {
      if (request.method !== 'POST') send(response, 405, 'text/plain; charset=utf-8', 'POST only', { allow: 'POST' });
      else await issueToken(options.tokenIssuer, request, response);
      return true;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'GET only', { allow: 'GET, HEAD' });
      return true;
    }
    if (name === '') {
      send(response, 200, 'text/html; charset=utf-8', page, {
        'content-security-policy': CSP,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
      return true;
    }
    const asset = ASSETS[name];
    if (!asset) {
      send(response, 404, 'text/plain; charset=utf-8', 'not found');
      return true;
    }
    send(response, 200, `${asset.type}; charset=utf-8`, await readFile(asset.file), {
      'cache-control': 'public, max-age=3600',
    });
    return true;
  };
}
