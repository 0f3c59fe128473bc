import { createServer } from 'node:net';
import * as familienkasse from '@ip/familienkasse';
import { openDatabase } from '@ip/kit';
import { createTestDatabase, createTestIssuer } from '@ip/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type PartnerName, type System } from './support/system.ts';

let system: System;
beforeAll(async () => {
  system = await startSystem({ households: 10 });
});
afterAll(async () => system?.stop());

const base = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');

async function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(url, { headers });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** A port nothing listens on: a database server that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('health and readiness', () => {
  it('every subgraph answers /health and /ready without a token, naming only its state', async () => {
    for (const [name, url] of Object.entries(system.subgraphUrls) as [PartnerName, string][]) {
      const health = await get(`${base(url)}/health`);
      expect(health).toMatchObject({ status: 200, body: { status: 'ok', service: name } });
      const ready = await get(`${base(url)}/ready`);
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({
        status: 'ready',
        service: name,
        checks: { database: { ok: true }, migrations: { ok: true } },
      });
    }
  });

  it('the gateway is ready with its supergraph and lists each partner', async () => {
    const base_ = base(system.gatewayUrl);
    expect(await get(`${base_}/health`)).toMatchObject({ status: 200, body: { status: 'ok', service: 'gateway' } });
    const ready = await get(`${base_}/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', checks: { supergraph: { ok: true } } });
    expect(Object.keys(ready.body['partners'] as object).sort()).toEqual(Object.keys(system.subgraphUrls).sort());
    expect(Object.keys(ready.body['partners'] as object)).toEqual(
      expect.arrayContaining(['agentur', 'auslaenderbehoerde', 'familienkasse', 'jobcenter']),
    );
    for (const partner of Object.values(ready.body['partners'] as Record<string, { ok: boolean }>))
      expect(partner.ok).toBe(true);
  });

  it('returns the request id it was given, or a new one, on every GraphQL answer', async () => {
    const authorization = await system.issuer.bearer('auslaenderbehoerde', 'sachbearbeitung');
    const ask = (headers: Record<string, string>) =>
      fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, ...headers },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    expect((await ask({ 'x-request-id': 'abc-123' })).headers.get('x-request-id')).toBe('abc-123');
    expect((await ask({})).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // Anything but a short plain id is replaced, so a header cannot smuggle text into the logs.
    expect((await ask({ 'x-request-id': 'Anna Schmidt, Bonn' })).headers.get('x-request-id')).toMatch(
      /^[0-9a-f-]{36}$/,
    );
  });
});

describe('caching', () => {
  it('every subgraph marks its GraphQL answers, with or without errors, as not to be stored', async () => {
    const authorization = await system.issuer.bearer('jobcenter', 'fallmanagement');
    for (const url of Object.values(system.subgraphUrls)) {
      for (const query of ['{ __typename }', '{ keinFeld }']) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ query }),
        });
        expect(response.headers.get('cache-control')).toBe('no-store');
      }
    }
  });
});

describe('a subgraph that cannot serve', () => {
  it('is not ready while its database is down', async () => {
    const issuer = await createTestIssuer();
    const db = await openDatabase<familienkasse.FamilienkasseDatabase>({
      kind: 'server',
      url: `postgres://nobody@127.0.0.1:${await closedPort()}/familienkasse`,
    });
    const server = await familienkasse.startFamilienkasse(db, { port: 0, verifyToken: issuer.verifyToken });
    try {
      expect((await get(`${base(server.url)}/health`)).status).toBe(200);
      const ready = await get(`${base(server.url)}/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        status: 'not ready',
        checks: { database: { ok: false, detail: 'unreachable (ECONNREFUSED)' } },
      });
    } finally {
      await server.stop();
      await db.destroy();
      await issuer.close();
    }
  });

  it('is not ready on a database its migrations have not reached', async () => {
    const issuer = await createTestIssuer();
    const database = await createTestDatabase<familienkasse.FamilienkasseDatabase>('unmigrated', async () => {});
    const server = await familienkasse.startFamilienkasse(database.db, { port: 0, verifyToken: issuer.verifyToken });
    try {
      const ready = await get(`${base(server.url)}/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ checks: { database: { ok: true }, migrations: { ok: false } } });
    } finally {
      await server.stop();
      await database.close();
      await issuer.close();
    }
  });
});
