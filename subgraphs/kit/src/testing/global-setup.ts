import { randomBytes } from 'node:crypto';
import { chmod, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { HOST, startCluster } from '../embedded-postgres/index.ts';
import { freePort } from './free-port.ts';
import { scratchFolder } from './scratch-folder.ts';

/** The run's server, shared by every project that names this set-up; the last project to finish stops it. */
interface RunServer {
  readonly url: string;
  readonly runId: string;
  users: number;
  stop(): Promise<void>;
}

// Vitest loads a project's global set-up in that project's own module graph, so module state would give each
// project a cluster of its own; the main process's global object is the one thing the projects share.
const SHARED = Symbol.for('integration-point.test-server');
type Shared = typeof globalThis & { [SHARED]?: Promise<RunServer> };

/**
 * Vitest's global set-up: one PostgreSQL for the whole run, whichever projects need it (the one project of a
 * whole run, or the `subgraph` and `e2e` tiers; the `unit` tier names no set-up, so `npm run test:unit` starts none). Without TEST_DATABASE_URL that is
 * a throwaway embedded cluster (no fsync) in a scratch folder (in memory where the system has one) on a free port, the engine a new user gets;
 * with it, that server. Either way each test file makes its databases there (`createTestDatabase`), named
 * with this run's id, and the run drops what it made at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = globalThis as Shared;
  shared[SHARED] ??= startRunServer();
  const server = await shared[SHARED];
  server.users += 1;
  project.provide('testRunId', server.runId);
  project.provide('testServerUrl', server.url);
  return async () => {
    server.users -= 1;
    if (server.users > 0) return;
    delete shared[SHARED];
    await server.stop();
  };
}

async function startRunServer(): Promise<RunServer> {
  const runId = randomBytes(3).toString('hex');
  const external = process.env['TEST_DATABASE_URL'];
  if (external) return { url: external, runId, users: 0, stop: () => dropRunDatabases(external, runId) };
  const folder = await scratchFolder('ip-test-pg-');
  // Run as root, the server runs as the system user postgres, which must enter the folder.
  await chmod(folder, 0o755);
  const cluster = await startCluster({
    dataDir: join(folder, 'postgres'),
    port: await freePort(HOST),
    portSetting: 'the test set-up (it picks a free port; run again)',
    durability: 'throwaway',
    log: () => undefined,
  });
  return {
    url: cluster.adminUrl,
    runId,
    users: 0,
    async stop() {
      await cluster.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function dropRunDatabases(serverUrl: string, runId: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `ip_test_${runId}_%`,
    ]);
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
