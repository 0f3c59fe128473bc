import { sql } from 'kysely';
import type { Migrations } from '@ip/kit';
import { datenschutzMigrations } from '@ip/kit/consent';
import { anfrageIdempotenzMigrations } from '@ip/kit/idempotency';

/** Frozen in time: never edit a migration that has shipped, add a new one. */
export const migrations: Migrations = {
  ...datenschutzMigrations,
  ...anfrageIdempotenzMigrations,
  '2015-11-01-001-person': {
    async up(db) {
      await db.schema
        .createTable('person')
        .addColumn('id', 'uuid', (col) => col.primaryKey())
        .addColumn('azr_nummer', 'char(12)', (col) =>
          col
            .notNull()
            .unique()
            .check(sql`azr_nummer ~ '^[0-9]{12}$'`),
        )
        .addColumn('vorname', 'text', (col) => col.notNull())
        .addColumn('nachname', 'text', (col) => col.notNull())
        .addColumn('geschlecht', 'text', (col) => col.notNull().check(sql`geschlecht in ('MAENNLICH', 'WEIBLICH')`))
        .addColumn('geburtsdatum', 'date', (col) => col.notNull())
        .addColumn('staatsangehoerigkeit', 'char(2)', (col) => col.notNull())
        .addColumn('einreise_am', 'date', (col) => col.notNull())
        .addColumn('asylantrag_am', 'date')
        .addColumn('erfasst_am', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .execute();
    },
  },
  '2015-11-01-002-aufenthaltsstatus': {
    async up(db) {
      await db.schema
        .createTable('aufenthaltsstatus')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id'))
        .addColumn('art', 'text', (col) =>
          col
            .notNull()
            .check(sql`art in ('AUFENTHALTSGESTATTUNG', 'DULDUNG', 'AUFENTHALTSERLAUBNIS', 'NIEDERLASSUNGSERLAUBNIS')`),
        )
        .addColumn('rechtsgrundlage', 'text', (col) => col.notNull())
        .addColumn('gueltig_ab', 'date', (col) => col.notNull())
        .addColumn('gueltig_bis', 'date')
        .addColumn('nebenbestimmungen', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
        .addCheckConstraint('aufenthaltsstatus_periode', sql`gueltig_bis is null or gueltig_bis >= gueltig_ab`)
        .execute();
      await db.schema
        .createIndex('aufenthaltsstatus_person')
        .on('aufenthaltsstatus')
        .columns(['person_id', 'gueltig_ab'])
        .execute();
    },
  },
  '2016-02-05-001-rechtsgrundlage-azr-gesetz': {
    async up(db) {
      // Datenaustauschverbesserungsgesetz: the core data system lets BA and Jobcenter read core identity
      // and residence data of the AZR without the person's consent.
      await db
        .insertInto('rechtsgrundlage')
        .values(
          ['agentur', 'jobcenter'].flatMap((empfaenger) =>
            ['identitaet', 'aufenthalt'].map((kategorie) => ({
              empfaenger,
              kategorie,
              paragraph: '§ 18b AZR-Gesetz',
              beschreibung:
                'Abruf der Grunddaten und des Aufenthaltsstatus aus dem Kerndatensystem durch BA und Jobcenter',
              gueltig_ab: '2016-02-05',
            })),
          ),
        )
        .execute();
    },
  },
  '2015-11-26-003-aufenthaltsfakten': {
    async up(db) {
      await db.schema
        .alterTable('person')
        .addColumn('wohnpflicht_erstaufnahme_bis', 'date')
        .addColumn('verbot60a_abs6_grund', 'text')
        .addColumn('agenturbezirk', 'text')
        .addColumn('aufenthalt_seit', 'date')
        .execute();
    },
  },
  '2015-11-26-004-statusklaerung': {
    async up(db) {
      await db.schema
        .createTable('statusklaerung')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id'))
        .addColumn('anliegen', 'text', (col) =>
          col.notNull().check(sql`anliegen in ('AUFENTHALTSSTATUS', 'ARBEITSMARKTZUGANG', 'NEBENBESTIMMUNG')`),
        )
        .addColumn('frage', 'text', (col) => col.notNull().check(sql`length(trim(frage)) > 0`))
        .addColumn('status', 'text', (col) =>
          col.notNull().check(sql`status in ('OFFEN', 'BEANTWORTET', 'ZURUECKGEZOGEN')`),
        )
        .addColumn('gestellt_am', 'date', (col) => col.notNull())
        .addColumn('gestellt_von', 'text', (col) => col.notNull())
        .addColumn('gestellt_durch', 'text', (col) => col.notNull())
        .addColumn('beantwortet_am', 'date')
        .addColumn('beantwortet_von', 'text')
        .addColumn('antwort', 'text')
        .addColumn('zurueckgezogen_am', 'date')
        .addCheckConstraint(
          'statusklaerung_zustand',
          sql`(status = 'BEANTWORTET') = (antwort is not null and beantwortet_am is not null and beantwortet_von is not null)
              and (status = 'ZURUECKGEZOGEN') = (zurueckgezogen_am is not null)`,
        )
        .execute();
      await db.schema
        .createIndex('statusklaerung_eingang')
        .on('statusklaerung')
        .columns(['gestellt_am', 'id'])
        .where(sql.ref('status'), '=', 'OFFEN')
        .execute();
      await db.schema.createIndex('statusklaerung_person').on('statusklaerung').column('person_id').execute();
      await db.schema
        .createIndex('statusklaerung_gestellt_von')
        .on('statusklaerung')
        .columns(['gestellt_von', 'gestellt_am'])
        .execute();
    },
  },
  '2016-09-01-001-asylantrag-zurueckgenommen': {
    async up(db) {
      // § 60a Abs. 6 S. 1 Nr. 3 AufenthG (2015 version) bans work only after a rejected application, not a withdrawn one.
      await db.schema.alterTable('person').addColumn('asylantrag_zurueckgenommen_am', 'date').execute();
      await db.schema
        .alterTable('person')
        .addCheckConstraint(
          'person_ruecknahme_nach_antrag',
          sql`asylantrag_zurueckgenommen_am is null or (asylantrag_am is not null and asylantrag_zurueckgenommen_am >= asylantrag_am)`,
        )
        .execute();
    },
  },
  '2016-02-05-002-kerndaten-qualifikation': {
    async up(db) {
      // The Datenaustauschverbesserungsgesetz added school and vocational education to the core data.
      await db.schema
        .alterTable('person')
        .addColumn('qualifikation', 'text', (col) =>
          col.check(sql`qualifikation in ('KEINE', 'BERUFSERFAHRUNG', 'BERUFSAUSBILDUNG', 'STUDIUM')`),
        )
        .execute();
      await db.schema
        .createIndex('person_staatsangehoerigkeit')
        .on('person')
        .columns(['staatsangehoerigkeit', 'id'])
        .execute();
    },
  },
};
