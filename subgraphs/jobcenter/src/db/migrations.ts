import { sql } from 'kysely';
import type { Migrations } from '@ip/kit';
import { datenschutzMigrations } from '@ip/kit/consent';
import { anfrageIdempotenzMigrations } from '@ip/kit/idempotency';

/** Frozen in time: never edit a migration that has shipped, add a new one. */
export const migrations: Migrations = {
  ...datenschutzMigrations,
  ...anfrageIdempotenzMigrations,
  '2015-11-01-001-bedarfsgemeinschaft': {
    async up(db) {
      await db.schema
        .createTable('bedarfsgemeinschaft')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('bg_nummer', 'text', (col) =>
          col
            .notNull()
            .unique()
            .check(sql`bg_nummer ~ '^[0-9]{5}BG[0-9]{7}$'`),
        )
        .addColumn('gegruendet_am', 'date', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('bg_mitglied')
        .addColumn('bedarfsgemeinschaft_id', 'uuid', (col) => col.notNull().references('bedarfsgemeinschaft.id'))
        .addColumn('person_id', 'uuid', (col) => col.notNull())
        .addColumn('rolle', 'text', (col) =>
          col.notNull().check(sql`rolle in ('ANTRAGSTELLENDE_PERSON', 'PARTNER', 'KIND')`),
        )
        .addColumn('seit', 'date', (col) => col.notNull())
        .addPrimaryKeyConstraint('bg_mitglied_pk', ['bedarfsgemeinschaft_id', 'person_id'])
        .execute();
      await db.schema.createIndex('bg_mitglied_person').on('bg_mitglied').column('person_id').execute();
      // Exactly one applicant per Bedarfsgemeinschaft.
      await db.schema
        .createIndex('bg_mitglied_eine_antragstellende_person')
        .on('bg_mitglied')
        .column('bedarfsgemeinschaft_id')
        .unique()
        .where(sql.ref('rolle'), '=', 'ANTRAGSTELLENDE_PERSON')
        .execute();
    },
  },
  '2015-11-01-002-leistungsantrag': {
    async up(db) {
      await db.schema
        .createTable('leistungsantrag')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('bedarfsgemeinschaft_id', 'uuid', (col) => col.notNull().references('bedarfsgemeinschaft.id'))
        .addColumn('eingang_am', 'date', (col) => col.notNull())
        .addColumn('status', 'text', (col) =>
          col.notNull().check(sql`status in ('BEANTRAGT', 'BEWILLIGT', 'ABGELEHNT')`),
        )
        .addColumn('beschieden_am', 'date')
        .addColumn('bewilligt_ab', 'date')
        .addColumn('bewilligt_bis', 'date')
        .addCheckConstraint('leistungsantrag_bescheid', sql`(status = 'BEANTRAGT') = (beschieden_am is null)`)
        .addCheckConstraint('leistungsantrag_nach_eingang', sql`beschieden_am is null or beschieden_am >= eingang_am`)
        .addCheckConstraint(
          'leistungsantrag_bewilligungszeitraum',
          sql`(status = 'BEWILLIGT') = (bewilligt_ab is not null and bewilligt_bis is not null)
              and (bewilligt_ab is null) = (bewilligt_bis is null)
              and (bewilligt_bis is null or bewilligt_bis >= bewilligt_ab)`,
        )
        .execute();
      await db.schema
        .createIndex('leistungsantrag_bg')
        .on('leistungsantrag')
        .columns(['bedarfsgemeinschaft_id', 'eingang_am'])
        .execute();
    },
  },
  '2015-11-27-003-leistungen-und-rechtskreiswechsel': {
    async up(db) {
      await db.schema
        .alterTable('leistungsantrag')
        .addColumn('regelbedarf', 'numeric(8, 2)', (col) => col.check(sql`regelbedarf >= 0`))
        .addColumn('unterkunft', 'numeric(8, 2)', (col) => col.check(sql`unterkunft >= 0`))
        .execute();
      await db.schema.alterTable('bg_mitglied').addColumn('geburtsdatum', 'date').execute();
      await db.schema
        .createTable('rechtskreiswechsel')
        .addColumn('person_id', 'uuid', (col) => col.primaryKey())
        .addColumn('anerkannt_am', 'date', (col) => col.notNull())
        .addColumn('asylblg_bis', 'date')
        .addColumn('sgb2_ab', 'date', (col) => col.notNull())
        .addColumn('erfasst_von', 'text', (col) => col.notNull())
        .addColumn('erfasst_am', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('sgb3_massnahme')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('person_id', 'uuid', (col) => col.notNull().references('rechtskreiswechsel.person_id'))
        .addColumn('bezeichnung', 'text', (col) => col.notNull())
        .addColumn('ende', 'date', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('sgb3_massnahme_person').on('sgb3_massnahme').column('person_id').execute();
    },
  },
  '2016-01-15-004-bedarf-des-mitglieds': {
    async up(db) {
      // The need a child's Kindergeld is counted against (§ 11 Abs. 1 S. 4 SGB II, 2011 version).
      await db.schema
        .alterTable('bg_mitglied')
        .addColumn('monatsbedarf', 'numeric(8, 2)', (col) => col.check(sql`monatsbedarf >= 0`))
        .execute();
    },
  },
};
