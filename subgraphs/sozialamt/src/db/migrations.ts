import { sql } from 'kysely';
import type { Migrations } from '@ip/kit';
import { datenschutzMigrations } from '@ip/kit/consent';
import { anfrageIdempotenzMigrations } from '@ip/kit/idempotency';

/**
 * Frozen in time: never edit a migration that has shipped, add a new one. The kit's migrations (consent,
 * access log, request ids) come along; the migrator runs a pending one whatever its name sorts after.
 */
export const migrations: Migrations = {
  ...datenschutzMigrations,
  ...anfrageIdempotenzMigrations,
  '2026-12-02-001-vorgang': {
    async up(db) {
      await db.schema
        .createTable('vorgang')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('person_id', 'uuid', (col) => col.notNull())
        .addColumn('aktenzeichen', 'text', (col) =>
          col
            .notNull()
            .unique()
            .check(sql`aktenzeichen ~ '^[A-Z0-9]{1,5}-[0-9]{6}$'`),
        )
        .addColumn('eroeffnet_am', 'date', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('vorgang_person').on('vorgang').columns(['person_id', 'eroeffnet_am']).execute();
    },
  },
};
