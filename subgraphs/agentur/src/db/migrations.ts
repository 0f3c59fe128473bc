import { sql } from 'kysely';
import type { Migrations } from '@ip/kit';
import { datenschutzMigrations } from '@ip/kit/consent';
import { anfrageIdempotenzMigrations } from '@ip/kit/idempotency';

/** Frozen in time: never edit a migration that has shipped, add a new one. */
export const migrations: Migrations = {
  ...datenschutzMigrations,
  ...anfrageIdempotenzMigrations,
  '2015-11-01-001-integrationsfachkraft': {
    async up(db) {
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
    async up(db) {
      await db.schema
        .createTable('fall')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('person_id', 'uuid', (col) => col.notNull())
        .addColumn('kundennummer', 'text', (col) =>
          col
            .notNull()
            .unique()
            .check(sql`kundennummer ~ '^[0-9]{3}[A-Z][0-9]{6}$'`),
        )
        .addColumn('eroeffnet_am', 'date', (col) => col.notNull())
        .addColumn('status', 'text', (col) =>
          col.notNull().check(sql`status in ('AKTIV', 'UEBERGEBEN', 'ABGESCHLOSSEN')`),
        )
        .addColumn('status_seit', 'date', (col) => col.notNull())
        .addColumn('integrationsfachkraft_id', 'uuid', (col) => col.references('integrationsfachkraft.id'))
        .addCheckConstraint('fall_status_nach_eroeffnung', sql`status_seit >= eroeffnet_am`)
        .execute();
      await db.schema.createIndex('fall_person').on('fall').columns(['person_id', 'eroeffnet_am']).execute();
      // A person has at most one active Integration Point case.
      await db.schema
        .createIndex('fall_ein_aktiver')
        .on('fall')
        .column('person_id')
        .unique()
        .where(sql.ref('status'), '=', 'AKTIV')
        .execute();
    },
  },
  '2015-11-01-003-fall-ereignis': {
    async up(db) {
      await db.schema
        .createTable('fall_ereignis')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('fall_id', 'uuid', (col) => col.notNull().references('fall.id'))
        .addColumn('am', 'date', (col) => col.notNull())
        .addColumn('art', 'text', (col) =>
          col.notNull().check(sql`art in ('EROEFFNET', 'UEBERGEBEN', 'ABGESCHLOSSEN')`),
        )
        .addColumn('notiz', 'text')
        .execute();
      await db.schema.createIndex('fall_ereignis_fall').on('fall_ereignis').columns(['fall_id', 'am']).execute();
    },
  },
  '2015-11-27-001-integration-point-bezirk': {
    async up(db) {
      await db.schema
        .createTable('integration_point_bezirk')
        .addColumn('agenturbezirk', 'text', (col) => col.primaryKey())
        .addColumn('integration_point', 'text', (col) => col.notNull())
        .execute();
    },
  },
  '2015-11-27-002-regelkunde': {
    async up(db) {
      await db.schema
        .createTable('regelkunde')
        .addColumn('person_id', 'uuid', (col) => col.primaryKey())
        .addColumn('kundennummer', 'text', (col) => col.notNull().check(sql`kundennummer ~ '^[0-9]{3}[A-Z][0-9]{6}$'`))
        .addColumn('seit', 'date', (col) => col.notNull())
        .execute();
    },
  },
  '2015-11-27-003-fall-intake-und-uebergabe': {
    async up(db) {
      await db.schema
        .alterTable('fall')
        .addColumn('zugangsweg', 'text', (col) => col.check(sql`zugangsweg in ('INITIATIVANSPRACHE', 'FREIER_ZUGANG')`))
        .addColumn('einwilligung_id', 'uuid')
        .addColumn('abschlussgrund', 'text', (col) =>
          col.check(sql`abschlussgrund in ('ARBEITSAUFNAHME', 'AUSBILDUNG', 'WEGZUG', 'KEIN_INTERESSE', 'SONSTIGES')`),
        )
        .execute();
      await db.schema
        .createIndex('fall_fachkraft_eroeffnet')
        .on('fall')
        .columns(['integrationsfachkraft_id', 'eroeffnet_am'])
        .execute();
      await db.schema
        .createIndex('fall_aktiv_eroeffnet')
        .on('fall')
        .columns(['eroeffnet_am', 'id'])
        .where(sql.ref('status'), '=', 'AKTIV')
        .execute();
      await db.schema
        .createTable('fall_uebergabe')
        .addColumn('fall_id', 'uuid', (col) => col.primaryKey().references('fall.id'))
        .addColumn('art', 'text', (col) => col.notNull().check(sql`art in ('REGULAER', 'WARM')`))
        .addColumn('anlass', 'text', (col) =>
          col
            .notNull()
            .check(sql`anlass in ('HOECHSTVERWEILDAUER', 'BETREUUNGSSCHLUESSEL', 'RECHTSKREISWECHSEL', 'SONSTIGES')`),
        )
        .addColumn('am', 'date', (col) => col.notNull())
        .addColumn('uebernehmende_stelle', 'text', (col) => col.notNull())
        .addColumn('uebernehmende_fachkraft', 'text')
        .addColumn('form', 'text', (col) => col.check(sql`form in ('TELEFONISCH', 'PERSOENLICH')`))
        .addColumn('kunde_anwesend', 'boolean')
        .addColumn('notiz', 'text')
        .addColumn('erfasst_von', 'text', (col) => col.notNull())
        .addColumn('erfasst_um', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        // A warm hand-over is one person to another: who took over, how, and whether the customer was there.
        .addCheckConstraint(
          'fall_uebergabe_warm_vollstaendig',
          sql`art <> 'WARM' or (uebernehmende_fachkraft is not null and form is not null and kunde_anwesend is not null)`,
        )
        .execute();
      // A case that left the Integration Point is a record, not work in progress: the database keeps it so.
      await sql`
        create function fall_nur_aktiv_aenderbar() returns trigger language plpgsql as $$
        begin
          if tg_op = 'DELETE' then
            raise exception 'fall % cannot be deleted', old.id using errcode = 'P0001';
          end if;
          if old.status <> 'AKTIV' then
            raise exception 'fall % is % and read-only', old.id, old.status using errcode = 'P0001';
          end if;
          return new;
        end $$`.execute(db);
      await sql`create trigger fall_abgeschlossen_unveraenderlich before update or delete on fall
        for each row execute function fall_nur_aktiv_aenderbar()`.execute(db);
    },
  },
  '2015-11-27-004-bleibeperspektive-kriterium': {
    async up(db) {
      await db.schema
        .createTable('bleibeperspektive_kriterium')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('staatsangehoerigkeit', 'text', (col) =>
          col.notNull().check(sql`staatsangehoerigkeit ~ '^[A-Z]{2}$'`),
        )
        .addColumn('gueltig_ab', 'date', (col) => col.notNull())
        .addColumn('gueltig_bis', 'date')
        .addColumn('quelle', 'text', (col) => col.notNull())
        .addColumn('festgelegt_von', 'text', (col) => col.notNull())
        .addColumn('festgelegt_um', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addColumn('beendet_von', 'text')
        .addColumn('beendet_um', 'timestamptz')
        .addCheckConstraint(
          'bleibeperspektive_kriterium_zeitraum',
          sql`gueltig_bis is null or gueltig_bis >= gueltig_ab`,
        )
        .execute();
      await db.schema
        .createIndex('bleibeperspektive_kriterium_land')
        .on('bleibeperspektive_kriterium')
        .columns(['staatsangehoerigkeit', 'gueltig_ab'])
        .unique()
        .execute();
      // The agreed list is evidence of who was approached and why: a criterion is ended, never rewritten or removed.
      await sql`
        create function bleibeperspektive_nur_beenden() returns trigger language plpgsql as $$
        begin
          if tg_op = 'DELETE' then
            raise exception 'criteria are ended, not deleted' using errcode = 'P0001';
          end if;
          if old.gueltig_bis is not null
             or new.staatsangehoerigkeit <> old.staatsangehoerigkeit or new.gueltig_ab <> old.gueltig_ab
             or new.quelle <> old.quelle or new.festgelegt_von <> old.festgelegt_von or new.festgelegt_um <> old.festgelegt_um
             or new.gueltig_bis is null or new.beendet_von is null or new.beendet_um is null then
            raise exception 'a criterion can only be ended, once' using errcode = 'P0001';
          end if;
          return new;
        end $$`.execute(db);
      await sql`create trigger bleibeperspektive_kriterium_verlauf before update or delete on bleibeperspektive_kriterium
        for each row execute function bleibeperspektive_nur_beenden()`.execute(db);
      await sql`create trigger bleibeperspektive_kriterium_kein_leeren before truncate on bleibeperspektive_kriterium
        for each statement execute function bleibeperspektive_nur_beenden()`.execute(db);
    },
  },
  '2015-11-27-005-kompetenzen-und-sprachkurse': {
    async up(db) {
      await db.schema
        .createTable('kompetenzfeststellung')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('fall_id', 'uuid', (col) => col.notNull().references('fall.id'))
        .addColumn('instrument', 'text', (col) =>
          col
            .notNull()
            .check(sql`instrument in ('KURZLEBENSLAUF', 'PROFILING', 'BPS', 'WERKSTATTARBEIT', 'PERF', 'PRAKTIKUM')`),
        )
        .addColumn('beginn', 'date', (col) => col.notNull())
        .addColumn('ende', 'date')
        .addColumn('ergebnis', 'text')
        .addColumn('erfasst_von', 'text', (col) => col.notNull())
        .addColumn('erfasst_um', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addCheckConstraint('kompetenzfeststellung_zeitraum', sql`ende is null or ende >= beginn`)
        .addUniqueConstraint('kompetenzfeststellung_einmal', ['fall_id', 'instrument', 'beginn'])
        .execute();
      await db.schema
        .createTable('sprachkurs')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('fall_id', 'uuid', (col) => col.notNull().references('fall.id'))
        .addColumn('art', 'text', (col) =>
          col.notNull().check(sql`art in ('INTEGRATIONSKURS', 'ESF_BAMF', 'EINSTIEGSKURS_421')`),
        )
        .addColumn('niveau', 'text', (col) => col.notNull().check(sql`niveau in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')`))
        .addColumn('beginn', 'date', (col) => col.notNull())
        .addColumn('ende', 'date')
        .addColumn('status', 'text', (col) =>
          col.notNull().check(sql`status in ('ANGEMELDET', 'LAUFEND', 'ABGESCHLOSSEN', 'ABGEBROCHEN')`),
        )
        .addColumn('erfasst_von', 'text', (col) => col.notNull())
        .addColumn('erfasst_um', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addCheckConstraint('sprachkurs_zeitraum', sql`ende is null or ende >= beginn`)
        .addUniqueConstraint('sprachkurs_einmal', ['fall_id', 'art', 'beginn'])
        .execute();
    },
  },
  '2015-11-27-006-termin': {
    async up(db) {
      await db.schema
        .createTable('termin')
        .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('person_id', 'uuid', (col) => col.notNull())
        .addColumn('fall_id', 'uuid', (col) => col.references('fall.id'))
        .addColumn('integrationsfachkraft_id', 'uuid', (col) => col.notNull().references('integrationsfachkraft.id'))
        .addColumn('datum', 'date', (col) => col.notNull())
        .addColumn('uhrzeit', 'text', (col) => col.notNull().check(sql`uhrzeit ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`))
        .addColumn('sprache', 'text', (col) => col.notNull().check(sql`sprache ~ '^[a-z]{2,3}$'`))
        .addColumn('kanaele', sql`text[]`, (col) =>
          col.notNull().check(sql`cardinality(kanaele) > 0 and kanaele <@ array['POST', 'SMS', 'KOPIE_SOZIALDIENST']`),
        )
        .addColumn('rechtsfolgenbelehrung', 'boolean', (col) => col.notNull())
        .addColumn('kopie_an', 'text')
        .addColumn('erfasst_von', 'text', (col) => col.notNull())
        .addColumn('erfasst_um', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        // An SMS has no room for the notice of legal consequences (Rahmenkonzept §4): only a letter carries it.
        .addCheckConstraint('termin_belehrung_schriftlich', sql`not rechtsfolgenbelehrung or 'POST' = any(kanaele)`)
        .addUniqueConstraint('termin_einmal', ['person_id', 'datum', 'uhrzeit'])
        .execute();
      await db.schema.createIndex('termin_tag').on('termin').columns(['datum', 'integrationsfachkraft_id']).execute();
    },
  },
  '2015-11-27-007-einstiegskurs-nachweis': {
    async up(db) {
      // What a § 421 entry rests on; until now only a Gestattung was accepted, so earlier entries rest on one.
      await db.schema
        .alterTable('sprachkurs')
        .addColumn('nachweis', 'text', (col) => col.check(sql`nachweis in ('AUFENTHALTSGESTATTUNG', 'BUEMA')`))
        .execute();
      await sql`update sprachkurs set nachweis = 'AUFENTHALTSGESTATTUNG' where art = 'EINSTIEGSKURS_421'`.execute(db);
      await sql`alter table sprachkurs add constraint sprachkurs_nachweis_nur_421 check ((art = 'EINSTIEGSKURS_421') = (nachweis is not null))`.execute(
        db,
      );
    },
  },
  '2015-11-27-008-kundennummer': {
    async up(db) {
      // The BA customer number is the person's for good: a person coming back after a closed case keeps it,
      // and no one else ever gets it. So it is registered per person, and every case uses its person's number.
      await db.schema
        .createTable('kundennummer')
        .addColumn('kundennummer', 'text', (col) =>
          col.primaryKey().check(sql`kundennummer ~ '^[0-9]{3}[A-Z][0-9]{6}$'`),
        )
        .addColumn('person_id', 'uuid', (col) => col.notNull().unique())
        .addUniqueConstraint('kundennummer_der_person', ['kundennummer', 'person_id'])
        .execute();
      await sql`insert into kundennummer (kundennummer, person_id)
        select distinct on (person_id) kundennummer, person_id
        from (select kundennummer, person_id, eroeffnet_am as ab from fall union all select kundennummer, person_id, seit from regelkunde) bekannt
        order by person_id, ab desc
        on conflict do nothing`.execute(db);
      await sql`alter table fall drop constraint fall_kundennummer_key`.execute(db);
      // Rows from before hold numbers the register could not take (a returning person's older number, a regular
      // customer's number another case used): they stay as recorded, and the keys bind every row from now on.
      await sql`alter table fall add constraint fall_kundennummer_der_person foreign key (kundennummer, person_id) references kundennummer (kundennummer, person_id) not valid`.execute(
        db,
      );
      await sql`alter table regelkunde add constraint regelkunde_kundennummer_der_person foreign key (kundennummer, person_id) references kundennummer (kundennummer, person_id) not valid`.execute(
        db,
      );
    },
  },
  '2016-09-01-001-bestandskunde-uebernahme': {
    async up(db) {
      // Rahmenkonzept §3 does not recommend moving a customer of the regular organisation in; a team lead
      // may do it anyway, and the case keeps who decided and why.
      await db.schema
        .alterTable('fall')
        .addColumn('bestandskunde_begruendung', 'text')
        .addColumn('bestandskunde_zugelassen_von', 'text')
        .execute();
      await db.schema
        .alterTable('fall')
        .addCheckConstraint(
          'fall_bestandskunde_uebernahme',
          sql`(bestandskunde_begruendung is null and bestandskunde_zugelassen_von is null)
              or (length(trim(bestandskunde_begruendung)) > 0 and bestandskunde_zugelassen_von is not null)`,
        )
        .execute();
    },
  },
  '2016-09-01-002-rechtsgrundlage-sgb2-50': {
    async up(db) {
      // § 50 Abs. 1 SGB II (version of 03.08.2010, BGBl. I S. 1112, from 01.01.2011): the BA and the Jobcenter
      // pass each other social data their SGB II / SGB III tasks need, without consent; here the Agentur's
      // qualification data the Jobcenter needs when a person changes into SGB II.
      await db
        .insertInto('rechtsgrundlage')
        .values({
          empfaenger: 'jobcenter',
          kategorie: 'qualifikation',
          paragraph: '§ 50 Abs. 1 SGB II',
          beschreibung:
            'Übermittlung der Qualifikations- und Kompetenzdaten an das Jobcenter für dessen Aufgaben nach dem SGB II',
          gueltig_ab: '2011-01-01',
        })
        .execute();
    },
  },
};
