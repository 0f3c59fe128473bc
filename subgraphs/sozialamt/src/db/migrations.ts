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
  '2026-12-02-001-leistungszeitraum': {
    async up(db) {
      await db.schema
        .createTable('leistungszeitraum')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('person_id', 'uuid', (col) => col.notNull())
        .addColumn('ab', 'date', (col) => col.notNull())
        .addColumn('bis', 'date')
        .addColumn('leistungsart', 'text', (col) =>
          col.notNull().check(sql`leistungsart in ('GRUNDLEISTUNG_3', 'ANALOG_2')`),
        )
        .addColumn('rechtsgrundlage', 'text', (col) => col.notNull())
        .addColumn('fassung', 'text', (col) => col.notNull())
        .addColumn('ende_grund', 'text', (col) =>
          col.check(sql`ende_grund in ('ANERKENNUNG', 'VORAUSSETZUNG_ENTFALLEN', 'AUSREISE')`),
        )
        .addCheckConstraint('leistungszeitraum_folge', sql`bis is null or bis >= ab`)
        // A reason for the end only where there is an end.
        .addCheckConstraint('leistungszeitraum_ende', sql`ende_grund is null or bis is not null`)
        .execute();
      await db.schema
        .createIndex('leistungszeitraum_person')
        .on('leistungszeitraum')
        .columns(['person_id', 'ab'])
        .execute();
    },
  },
};
