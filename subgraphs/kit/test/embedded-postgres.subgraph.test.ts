import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { subgraphConfig } from '../src/config.ts';
import {
  newPartnerPasswords,
  oldPgliteFolders,
  partnerUrl,
  preparePartnerDatabases,
  startCluster,
} from '../src/embedded-postgres/index.ts';
import { closedFolderOnTheWay } from '../src/embedded-postgres/server-user.ts';
import { testDatabaseUrl } from '../src/testing/index.ts';

/**
 * The embedded cluster's promises: a partner's role reaches its own database and no other, on the run's
 * server (the embedded cluster, or TEST_DATABASE_URL); and a new user's mistakes get a message to act on.
 */
const adminUrl = inject('testServerUrl');
const run = inject('testRunId');
const partners = [`ip_test_${run}_partner_a`, `ip_test_${run}_partner_b`];
const folders: string[] = [];

/** Prepares the partners' databases with new passwords and answers each partner's URL. */
async function prepare(): Promise<Record<string, string>> {
  const passwords = newPartnerPasswords(partners);
  await preparePartnerDatabases(adminUrl, passwords);
  const port = Number(new URL(adminUrl).port || 5432);
  return Object.fromEntries(partners.map((partner) => [partner, partnerUrl(port, partner, passwords[partner]!)]));
}

async function connect(
  url: string,
  database?: string,
): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
  const target = new URL(url);
  if (database) target.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: target.toString() });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, code: (error as { code: string }).code, message: (error as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

afterAll(async () => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  for (const name of partners) {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(name)}`);
  }
  await client.end();
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('one database and one role per partner', () => {
  it('lets a partner role into its own database only', async () => {
    const [a, b] = partners as [string, string];
    const urls = await prepare();
    expect(await connect(urls[a]!)).toEqual({ ok: true });
    const owner = new pg.Client({ connectionString: urls[a] });
    await owner.connect();
    await owner.query('CREATE TABLE fall (id int PRIMARY KEY)');
    await owner.end();

    for (const [url, database] of [
      [urls[a]!, b],
      [urls[b]!, a],
      [urls[a]!, 'postgres'],
    ] as const) {
      const refused = await connect(url, database);
      expect(refused).toMatchObject({ ok: false, code: '42501' });
      expect(refused.ok === false && refused.message).toMatch(/permission denied for database/);
    }
  });

  // Whether a server asks for passwords at all is its pg_hba.conf's say; the embedded cluster always asks.
  it.skipIf(testDatabaseUrl())('sets new passwords on every start, so an old URL no longer works', async () => {
    const [a] = partners as [string];
    const before = await prepare();
    const after = await prepare();
    expect(await connect(after[a]!)).toEqual({ ok: true });
    expect(await connect(before[a]!)).toMatchObject({ ok: false, code: '28P01' });
  });
});

describe('messages a new user can act on', () => {
  it('names the setting when the port is taken', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ip-port-'));
    folders.push(folder);
    await chmod(folder, 0o755);
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      await expect(
        startCluster({
          dataDir: join(folder, 'postgres'),
          port,
          portSetting: 'EMBEDDED_POSTGRES_PORT',
          durability: 'throwaway',
          log: () => undefined,
        }),
      ).rejects.toThrow(new RegExp(`port ${port} .* is taken.*EMBEDDED_POSTGRES_PORT=<port>`));
    } finally {
      blocker.close();
    }
  });

  it('finds the folder the server user cannot enter (a clone under /root)', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ip-closed-'));
    folders.push(folder);
    await mkdir(join(folder, 'project/data'), { recursive: true });
    await chmod(folder, 0o700);
    const stranger = { name: 'postgres', uid: 54_321, gid: 54_321 };
    expect(await closedFolderOnTheWay(join(folder, 'project/data/postgres'), stranger)).toEqual({
      folder,
      mode: '700',
    });
    await chmod(folder, 0o711);
    expect(await closedFolderOnTheWay(join(folder, 'project/data/postgres'), stranger)).toBeUndefined();
  });

  it('names the PGlite folders of the old default', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ip-old-'));
    folders.push(folder);
    await mkdir(join(folder, 'agentur'));
    await mkdir(join(folder, 'issuer'));
    expect(await oldPgliteFolders(folder, ['agentur', 'jobcenter'])).toEqual([join(folder, 'agentur')]);
  });

  it('tells a subgraph started alone without a URL how to get one', () => {
    expect(() => subgraphConfig('agentur', 4001, {})).toThrow(
      /AGENTUR_DATABASE_URL: not set\. .*npm start.*AGENTUR_DATABASE_URL=postgres:\/\//,
    );
  });
});
