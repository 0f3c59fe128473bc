import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { inject } from 'vitest';
import { openDatabase, type DatabaseOptions } from '../database.ts';

/** A database of its own for one test: migrated (and seeded) by `prepare`, gone after `close`. */
export interface TestDatabase<DB> {
  readonly db: Kysely<DB>;
  readonly engine: 'postgres';
  close(): Promise<void>;
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

const templates = new Map<string, Promise<string>>();

/**
 * `prepare` runs once per name and test file, into a template database; every test database of that name
 * is then `CREATE DATABASE … TEMPLATE` of it, named `ip_test_<run>_<name>_<random>` and dropped on close.
 * Templates stay per file, as `prepare` may close over the file's own data (a population of its size);
 * the run's global set-up drops them with the rest of the run's databases.
 */
export async function createTestDatabase<DB>(
  name: string,
  prepare: (db: Kysely<DB>) => Promise<void>,
  options: DatabaseOptions = {},
): Promise<TestDatabase<DB>> {
  const serverUrl = inject('testServerUrl');
  if (!serverUrl) throw new Error('no test database server: run the tests with `npm test` (its global set-up starts one) or set TEST_DATABASE_URL');
  const safeName = name.replace(/\W/g, '_').slice(0, 24);
  let template = templates.get(name);
  if (!template) {
    template = buildTemplate(serverUrl, `ip_test_${inject('testRunId')}_tpl_${safeName}_${randomBytes(4).toString('hex')}`, prepare);
    templates.set(name, template);
  }
  const templateName = await template;
  const databaseName = `ip_test_${inject('testRunId')}_${safeName}_${randomBytes(5).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => whenUnused(() => sql`CREATE DATABASE ${sql.id(databaseName)} TEMPLATE ${sql.id(templateName)}`.execute(admin)));
  const db = await openDatabase<DB>({ kind: 'server', url: databaseUrl(serverUrl, databaseName) }, options);
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

async function buildTemplate<DB>(serverUrl: string, templateName: string, prepare: (db: Kysely<DB>) => Promise<void>): Promise<string> {
  await withAdmin(serverUrl, (admin) => sql`CREATE DATABASE ${sql.id(templateName)}`.execute(admin));
  const setup = await openDatabase<DB>({ kind: 'server', url: databaseUrl(serverUrl, templateName) }, { maxConnections: 1 });
  try {
    await prepare(setup);
  } finally {
    await setup.destroy();
  }
  return templateName;
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
