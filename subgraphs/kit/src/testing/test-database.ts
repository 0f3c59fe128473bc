import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { expect, inject } from 'vitest';
import { openDatabase, type DatabaseOptions } from '../database.ts';

/** A database of its own for one test: migrated (and seeded) by `prepare`, gone after `close`. */
export interface TestDatabase<DB> {
  readonly db: Kysely<DB>;
  readonly engine: 'postgres';
  close(): Promise<void>;
}

export interface TestDatabaseOptions extends DatabaseOptions {
  /**
   * Names what `prepare` makes (a partner's migrations and a population, say) for the whole run: every test
   * file that passes the same key copies one template database, built once by whichever file asks first.
   * Without it, the template is the test file's own.
   */
  readonly template?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The superuser URL of the server the run's databases live on (see `global-setup.ts`). */
    testServerUrl: string;
    /** Part of every database name this run creates, so that the run's clean-up drops only its own. */
    testRunId: string;
  }
}

/** Set to a PostgreSQL URL to run the suite against that server instead of the run's embedded cluster. */
export function testDatabaseUrl(): string | undefined {
  return process.env['TEST_DATABASE_URL'] || undefined;
}

/** A short stable digest of test data (a population, say), for a template key. */
export function digestOf(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value ?? null))
    .digest('hex')
    .slice(0, 16);
}

const templates = new Map<string, Promise<string>>();

/**
 * `prepare` runs into a template database; every test database of that name is then `CREATE DATABASE …
 * TEMPLATE` of it, named `ip_test_<run>_<name>_<random>` and dropped on close. A template is made once per
 * `options.template` key for the whole run (the test files run in several processes: a lock on the server
 * lets one build it while the others wait), or else once per name and test file, as `prepare` may then
 * close over the file's own data. The run's global set-up drops the templates with the rest of its databases.
 */
export async function createTestDatabase<DB>(
  name: string,
  prepare: (db: Kysely<DB>) => Promise<void>,
  options: TestDatabaseOptions = {},
): Promise<TestDatabase<DB>> {
  const serverUrl = inject('testServerUrl');
  if (!serverUrl)
    throw new Error(
      'no test database server: run the tests with `npm test` (its global set-up starts one) or set TEST_DATABASE_URL',
    );
  const runId = inject('testRunId');
  const safeName = name.replace(/\W/g, '_').slice(0, 24);
  const { template: key, ...databaseOptions } = options;
  // A worker may run several files one after another in one module graph (`isolate: false`): a file's own
  // template is found by its path as well as its name.
  const cacheKey = key === undefined ? `file:${expect.getState().testPath ?? ''}:${name}` : `run:${key}`;
  let template = templates.get(cacheKey);
  if (!template) {
    template =
      key === undefined
        ? buildTemplate(serverUrl, `ip_test_${runId}_tpl_${safeName}_${randomBytes(4).toString('hex')}`, prepare)
        : sharedTemplate(serverUrl, `ip_test_${runId}_tpl_run_${digestOf(key)}`, prepare);
    templates.set(cacheKey, template);
  }
  const templateName = await template;
  const databaseName = `ip_test_${runId}_${safeName}_${randomBytes(5).toString('hex')}`;
  await withAdmin(serverUrl, (admin) =>
    whenUnused(() =>
      sql`CREATE DATABASE ${sql.id(databaseName)} TEMPLATE ${sql.id(templateName)} ${copyStrategy()}`.execute(admin),
    ),
  );
  const db = await openDatabase<DB>({ kind: 'server', url: databaseUrl(serverUrl, databaseName) }, databaseOptions);
  return {
    db,
    engine: 'postgres',
    async close() {
      await db.destroy();
      await withAdmin(serverUrl, (admin) =>
        whenUnused(
          () => sql`DROP DATABASE IF EXISTS ${sql.id(databaseName)}`.execute(admin),
          () => sql`DROP DATABASE IF EXISTS ${sql.id(databaseName)} WITH (FORCE)`.execute(admin),
        ),
      );
    },
  };
}

/**
 * The run-wide template `templateName`: built here unless another process did. A session lock on the server,
 * named after the template, makes the others wait for the first; a failed build leaves no template behind.
 */
async function sharedTemplate<DB>(
  serverUrl: string,
  templateName: string,
  prepare: (db: Kysely<DB>) => Promise<void>,
): Promise<string> {
  const lock = new pg.Client({ connectionString: serverUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [templateName]);
    const { rowCount } = await lock.query('SELECT 1 FROM pg_database WHERE datname = $1', [templateName]);
    if (!rowCount) {
      try {
        await buildTemplate(serverUrl, templateName, prepare);
      } catch (error) {
        await lock.query(`DROP DATABASE IF EXISTS ${lock.escapeIdentifier(templateName)} WITH (FORCE)`);
        throw error;
      }
    }
    return templateName;
  } finally {
    // Ending the session releases its lock.
    await lock.end();
  }
}

async function buildTemplate<DB>(
  serverUrl: string,
  templateName: string,
  prepare: (db: Kysely<DB>) => Promise<void>,
): Promise<string> {
  await withAdmin(serverUrl, (admin) => sql`CREATE DATABASE ${sql.id(templateName)}`.execute(admin));
  const setup = await openDatabase<DB>(
    { kind: 'server', url: databaseUrl(serverUrl, templateName) },
    { maxConnections: 1 },
  );
  try {
    await prepare(setup);
  } finally {
    await setup.destroy();
  }
  return templateName;
}
/**
 * How PostgreSQL copies a template. On the run's own cluster (no fsync) copying the files costs half the
 * CPU of PostgreSQL's default, which writes every block through the WAL; the checkpoint the file copy
 * needs is cheap there. On a server (TEST_DATABASE_URL) that checkpoint would flush whatever else it
 * holds, so the default stays.
 */
function copyStrategy() {
  return testDatabaseUrl() ? sql`` : sql`STRATEGY FILE_COPY`;
}

function databaseUrl(serverUrl: string, databaseName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, work: (admin: Kysely<unknown>) => Promise<T>): Promise<T> {
  const admin = await openDatabase<unknown>({ kind: 'server', url: serverUrl }, { maxConnections: 1 });
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}

/**
 * Copying or dropping a database needs it free of sessions. A pool's `end()` resolves while its sockets
 * may still be closing, so "in use by other users" (55006) is waited out; then `last` is tried.
 */
async function whenUnused(statement: () => Promise<unknown>, last: () => Promise<unknown> = statement): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    try {
      await statement();
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await last();
}
