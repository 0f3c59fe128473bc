import { inspect } from 'node:util';
import type { ReadinessChecks } from '@ip/observability';
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';

/**
 * Migrations live in code (a record keyed by sortable names), so a subgraph needs no migration folder
 * on disk at run time. Each migration is frozen: it is typed `Kysely<any>` because it must keep working
 * after the table types have moved on.
 */
export type Migrations = Readonly<Record<string, Migration>>;

export async function migrateToLatest<DB>(db: Kysely<DB>, migrations: Migrations): Promise<void> {
  // The kit's migrations are spread into each partner's, so a later kit migration can sort before a
  // partner's newest name (or the reverse). They touch separate tables, so order between them is free:
  // a pending migration runs even if an executed one sorts after it.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error : new Error(error === undefined ? 'unknown' : inspect(error));
    throw new Error(`migration ${failed?.migrationName ?? '(none)'} failed: ${cause.message}`, { cause });
  }
}

/** How long `/ready` waits for the database before it calls it unreachable. */
const READY_TIMEOUT_MS = 2_000;

/**
 * `/ready` of a subgraph: its database answers, and every migration the code knows has run there (a
 * process started on an older schema must not take traffic). Reasons name no data, only the state.
 */
export async function migrationReadiness<DB>(db: Kysely<DB>, migrations: Migrations): Promise<ReadinessChecks> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })), READY_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([sql<{ name: string }>`select name from kysely_migration`.execute(db), timeout]);
    const done = new Set(result.rows.map((row) => row.name));
    const pending = Object.keys(migrations).filter((name) => !done.has(name)).length;
    return {
      database: { ok: true },
      migrations: pending === 0 ? { ok: true } : { ok: false, detail: `${pending} migration(s) not applied` },
    };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // 42P01: no migration table yet; the database answers, nothing has been migrated.
    if (code === '42P01') return { database: { ok: true }, migrations: { ok: false, detail: 'not migrated' } };
    return {
      database: { ok: false, detail: typeof code === 'string' ? `unreachable (${code})` : 'unreachable' },
      migrations: { ok: false, detail: 'unknown' },
    };
  } finally {
    clearTimeout(timer);
  }
}
