import { sql, type Kysely } from 'kysely';
import type { Migrations } from '@ip/kit';
import { datenschutzMigrations } from '@ip/kit/consent';

/** Frozen in time: never edit a migration that has shipped, add a new one. */
export const migrations: Migrations = {
  ...datenschutzMigrations,
  '2015-11-01-001-integrationsfachkraft': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('integrationsfachkraft')
        .addColumn('id', 'uuid', (col) => col.primaryKey())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('integration_point', 'text', (col) => col.notNull())
        .addColumn('agenturbezirk', 'text', (col) => col.notNull())
        .execute();
    },
  },
  '2015-11-01-002-fall': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('fall')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('person_id', 'uuid', (col) => col.notNull())
        .addColumn('kundennummer', 'text', (col) => col.notNull().unique().check(sql`kundennummer ~ '^[0-9]{3}[A-Z][0-9]{6}$'`))
        .addColumn('eroeffnet_am', 'date', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('AKTIV', 'UEBERGEBEN', 'ABGESCHLOSSEN')`))
        .addColumn('status_seit', 'date', (col) => col.notNull())
        .addColumn('integrationsfachkraft_id', 'uuid', (col) => col.references('integrationsfachkraft.id'))
        .addCheckConstraint('fall_status_nach_eroeffnung', sql`status_seit >= eroeffnet_am`)
        .execute();
      await db.schema.createIndex('fall_person').on('fall').columns(['person_id', 'eroeffnet_am']).execute();
      // A person has at most one active Integration Point case.
      await db.schema.createIndex('fall_ein_aktiver').on('fall').column('person_id').unique().where(sql.ref('status'), '=', 'AKTIV').execute();
    },
  },
  '2015-11-01-003-fall-ereignis': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('fall_ereignis')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('fall_id', 'uuid', (col) => col.notNull().references('fall.id'))
        .addColumn('am', 'date', (col) => col.notNull())
        .addColumn('art', 'text', (col) => col.notNull().check(sql`art in ('EROEFFNET', 'UEBERGEBEN', 'ABGESCHLOSSEN')`))
        .addColumn('notiz', 'text')
        .execute();
      await db.schema.createIndex('fall_ereignis_fall').on('fall_ereignis').columns(['fall_id', 'am']).execute();
    },
  },
};
