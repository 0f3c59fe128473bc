import { sql, type Kysely } from 'kysely';
import type { Migrations } from '@ip/kit';
import { datenschutzMigrations } from '@ip/kit/consent';

/** Frozen in time: never edit a migration that has shipped, add a new one. */
export const migrations: Migrations = {
  ...datenschutzMigrations,
  '2015-11-01-001-person': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('person')
        .addColumn('id', 'uuid', (col) => col.primaryKey())
        .addColumn('azr_nummer', 'char(12)', (col) => col.notNull().unique().check(sql`azr_nummer ~ '^[0-9]{12}$'`))
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
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('aufenthaltsstatus')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id'))
        .addColumn('art', 'text', (col) =>
          col.notNull().check(sql`art in ('AUFENTHALTSGESTATTUNG', 'DULDUNG', 'AUFENTHALTSERLAUBNIS', 'NIEDERLASSUNGSERLAUBNIS')`),
        )
        .addColumn('rechtsgrundlage', 'text', (col) => col.notNull())
        .addColumn('gueltig_ab', 'date', (col) => col.notNull())
        .addColumn('gueltig_bis', 'date')
        .addColumn('nebenbestimmungen', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
        .addCheckConstraint('aufenthaltsstatus_periode', sql`gueltig_bis is null or gueltig_bis >= gueltig_ab`)
        .execute();
      await db.schema.createIndex('aufenthaltsstatus_person').on('aufenthaltsstatus').columns(['person_id', 'gueltig_ab']).execute();
    },
  },
  '2016-02-05-001-rechtsgrundlage-azr-gesetz': {
    async up(db: Kysely<any>) {
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
              beschreibung: 'Abruf der Grunddaten und des Aufenthaltsstatus aus dem Kerndatensystem durch BA und Jobcenter',
              gueltig_ab: '2016-02-05',
            })),
          ),
        )
        .execute();
    },
  },
};
