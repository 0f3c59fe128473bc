import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenVerifier, ensureLocalIssuer, identityConfig, type IdentityConfig } from '@ip/kit/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerOptions, startGateway, type RunningGateway } from '../src/server.ts';

/**
 * The explorer as the gateway serves it: its page and files from this process, the token helper only with
 * the local issuer and only for the page itself. No partner is started: the page and the helper need none.
 * That nothing the page loads leaves the machine is the browser test's (apps/web/test/explorer.e2e.test.ts).
 */
const supergraph = await readFile(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8');
let dir: string;
let local: IdentityConfig;
let development: RunningGateway;
let production: RunningGateway;
let explorerOff: RunningGateway;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'explorer-issuer-'));
  local = identityConfig({ AUTH_LOCAL_ISSUER_DIR: dir });
  await ensureLocalIssuer(dir);
  const verifyToken = await createTokenVerifier(local);
  const jwks = identityConfig({ AUTH_JWKS_URL: 'https://idp.example.org/jwks.json' });
  const start = (explorer: ReturnType<typeof explorerOptions>) =>
    startGateway({ supergraph, verifyToken, port: 0, host: '127.0.0.1', ...(explorer ? { explorer } : {}) });
  development = await start(explorerOptions(local, undefined));
  production = await start(explorerOptions(jwks, true));
  explorerOff = await start(explorerOptions(jwks, undefined));
});
afterAll(async () => {
  await Promise.all([development, production, explorerOff].map((gateway) => gateway?.stop()));
  await rm(dir, { recursive: true, force: true });
});

const at = (gateway: RunningGateway, path: string) => new URL(path, gateway.url).toString();

function requestToken(gateway: RunningGateway, body: unknown, headers: Record<string, string> = {}) {
  return fetch(at(gateway, '/explorer/token'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('when the explorer is served', () => {
  it('is on by default with the local issuer, off with an identity provider unless GATEWAY_EXPLORER=true', () => {
    const jwks = identityConfig({ AUTH_JWKS_URL: 'https://idp.example.org/jwks.json' });
    expect(explorerOptions(local, undefined)?.tokenIssuer).toBeTypeOf('function');
    expect(explorerOptions(local, false)).toBeUndefined();
    expect(explorerOptions(jwks, undefined)).toBeUndefined();
    expect(explorerOptions(jwks, true)).toEqual({});
  });
});

describe('the page', () => {
  it('loads every script and style from the gateway itself, under a CSP of self only', async () => {
    const response = await fetch(at(development, '/explorer/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    const html = await response.text();
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((match) => match[1]!)
      .filter((reference) => !reference.startsWith('data:'));
    expect(references.sort()).toEqual([
      'explorer.css',
      'explorer.js',
      'graphiql.min.css',
      'graphiql.min.js',
      'react-dom.production.min.js',
      'react.production.min.js',
    ]);
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/);
    for (const reference of references) {
      const asset = await fetch(at(development, `/explorer/${reference}`));
      expect(asset.status, reference).toBe(200);
      expect(asset.headers.get('content-type'), reference).toMatch(
        reference.endsWith('.css') ? /^text\/css/ : /^text\/javascript/,
      );
      expect((await asset.text()).length, reference).toBeGreaterThan(100);
    }
  });

  it('sends a browser that opens /graphql to the explorer; Apollo’s CDN landing page is gone', async () => {
    const visit = await fetch(at(development, '/graphql'), { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(visit.status).toBe(302);
    expect(visit.headers.get('location')).toBe('/explorer/');
    const off = await fetch(at(explorerOff, '/graphql'), { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(off.status).toBe(400);
    expect(await off.text()).not.toMatch(/apollographql|embeddable-sandbox|cdn\./i);
  });

  it('does not exist when it is off', async () => {
    const page = await fetch(at(explorerOff, '/explorer/'));
    expect(page.headers.get('content-type') ?? '').not.toMatch(/^text\/html/);
    expect(await page.text()).not.toContain('graphiql');
  });
});

describe('the token helper', () => {
  it('gives the page a token of the local issuer that the gateway accepts', async () => {
    const html = await (await fetch(at(development, '/explorer/'))).text();
    expect(html).toContain('data-token-helper=');
    const response = await requestToken(development, { agency: 'jobcenter', role: 'fallmanagement' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const { token } = (await response.json()) as { token: string };
    const answer = await fetch(development.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses another origin, a role the agency does not have, and a body that is not JSON', async () => {
    const foreign = await requestToken(
      development,
      { agency: 'jobcenter', role: 'fallmanagement' },
      { origin: 'https://example.org', 'sec-fetch-site': 'cross-site' },
    );
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(at(development, '/explorer/token'), {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect((await requestToken(development, { agency: 'jobcenter', role: 'teamleiterin' })).status).toBe(400);
    const form = await fetch(at(development, '/explorer/token'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"agency":"jobcenter","role":"fallmanagement"}',
    });
    expect(form.status).toBe(403);
  });

  it('never exists with an identity provider, even with the explorer on', async () => {
    const page = await fetch(at(production, '/explorer/'));
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('data-token-helper');
    const response = await requestToken(production, { agency: 'jobcenter', role: 'fallmanagement' });
    expect(response.status).toBe(405);
  });
});
