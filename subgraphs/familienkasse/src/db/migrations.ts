import { sql, type Kysely } from 'kysely';
import type { Migrations } from '@ip/kit';
import { datenschutzMigrations } from '@ip/kit/consent';

/** Frozen in time: never edit a migration that has shipped, add a new one. */
export const migrations: Migrations = {
  ...datenschutzMigrations,
  '2015-11-01-001-kindergeld-antrag': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('kindergeld_antrag')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('person_id', 'uuid', (col) => col.notNull())
        .addColumn('kindergeldnummer', 'text', (col) => col.notNull().check(sql`kindergeldnummer ~ '^[0-9]{3}FK[0-9]{6}$'`))
        .addColumn('familienkasse', 'text', (col) => col.notNull().check(sql`familienkasse ~ '^[0-9]{3}$'`))
        .addColumn('eingang_am', 'date', (col) => col.notNull())
        .addColumn('beschieden_am', 'date')
        .addColumn('ergebnis', 'text', (col) => col.check(sql`ergebnis in ('BEWILLIGT', 'ABGELEHNT')`))
        .addColumn('monatsbetrag', 'numeric(8, 2)', (col) => col.check(sql`monatsbetrag >= 0`))
        .addColumn('ablehnungsgrund', 'text')
        .addCheckConstraint('kindergeld_antrag_bescheid', sql`(ergebnis is null) = (beschieden_am is null)`)
        .addCheckConstraint('kindergeld_antrag_nach_eingang', sql`beschieden_am is null or beschieden_am >= eingang_am`)
        .addCheckConstraint('kindergeld_antrag_betrag', sql`(monatsbetrag is not null) = (ergebnis is not distinct from 'BEWILLIGT')`)
        .addCheckConstraint('kindergeld_antrag_grund', sql`(ablehnungsgrund is not null) = (ergebnis is not distinct from 'ABGELEHNT')`)
        .execute();
      await db.schema.createIndex('kindergeld_antrag_person').on('kindergeld_antrag').columns(['person_id', 'eingang_am']).execute();
      await db.schema.createIndex('kindergeld_antrag_nummer').on('kindergeld_antrag').column('kindergeldnummer').execute();
    },
  },
  '2015-11-01-002-kind': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('kind')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('kindergeld_antrag_id', 'uuid', (col) => col.notNull().references('kindergeld_antrag.id'))
        .addColumn('person_id', 'uuid')
        .addColumn('vorname', 'text', (col) => col.notNull())
        .addColumn('nachname', 'text', (col) => col.notNull())
        .addColumn('geburtsdatum', 'date', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('kind_antrag').on('kind').column('kindergeld_antrag_id').execute();
    },
  },
};
