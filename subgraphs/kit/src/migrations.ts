import { inspect } from 'node:util';
import type { Kysely } from 'kysely';
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
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) }, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error : new Error(error === undefined ? 'unknown' : inspect(error));
    throw new Error(`migration ${failed?.migrationName ?? '(none)'} failed: ${cause.message}`, { cause });
  }
}
