import { sql } from 'kysely';
import type { Migrations } from '../migrations.ts';

const AGENCY_CHECK = sql`in ('agentur', 'jobcenter', 'auslaenderbehoerde', 'familienkasse')`;

/** The columns that name an agency, with the names PostgreSQL gave their column CHECKs; frozen with the migration that uses it. */
const AGENCY_COLUMNS = [
  ['einwilligung', 'erfasst_durch'],
  ['einwilligung_freigabe', 'empfaenger'],
  ['rechtsgrundlage', 'empfaenger'],
  ['zugriffsprotokoll', 'anfragende_behoerde'],
] as const;

/**
 * The consent and access-log tables, the same at every owner. Frozen like every migration. The log is
 * append-only in the database itself: a trigger refuses UPDATE, TRUNCATE and any DELETE except the
 * retention purge, which must name its cut-off in the transaction (`ip.loeschung_bis`) and may only
 * remove entries older than it.
 */
export const datenschutzMigrations: Migrations = {
  '2015-11-20-900-einwilligung': {
    async up(db) {
      await db.schema
        .createTable('einwilligung')
        .addColumn('id', 'uuid', (col) => col.primaryKey())
        .addColumn('person_id', 'uuid', (col) => col.notNull())
        .addColumn('unterschrieben_am', 'date', (col) => col.notNull())
        .addColumn('gueltig_bis', 'date')
        .addColumn('widerrufen_am', 'date')
        .addColumn('erfasst_von', 'text', (col) => col.notNull())
        .addColumn('erfasst_durch', 'text', (col) => col.notNull().check(sql`erfasst_durch ${AGENCY_CHECK}`))
        .addColumn('erfasst_am', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addColumn('widerruf_erfasst_von', 'text')
        .addCheckConstraint('einwilligung_gueltigkeit', sql`gueltig_bis is null or gueltig_bis >= unterschrieben_am`)
        .addCheckConstraint('einwilligung_widerruf', sql`widerrufen_am is null or widerrufen_am >= unterschrieben_am`)
        .execute();
      await db.schema.createIndex('einwilligung_person').on('einwilligung').column('person_id').execute();
      await db.schema
        .createTable('einwilligung_freigabe')
        .addColumn('einwilligung_id', 'uuid', (col) => col.notNull().references('einwilligung.id'))
        .addColumn('empfaenger', 'text', (col) => col.notNull().check(sql`empfaenger ${AGENCY_CHECK}`))
        .addColumn('kategorie', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('einwilligung_freigabe_pk', ['einwilligung_id', 'empfaenger', 'kategorie'])
        .execute();
      await db.schema
        .createTable('rechtsgrundlage')
        .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('empfaenger', 'text', (col) => col.notNull().check(sql`empfaenger ${AGENCY_CHECK}`))
        .addColumn('kategorie', 'text', (col) => col.notNull())
        .addColumn('paragraph', 'text', (col) => col.notNull())
        .addColumn('beschreibung', 'text', (col) => col.notNull())
        .addColumn('gueltig_ab', 'date', (col) => col.notNull())
        .addColumn('gueltig_bis', 'date')
        .execute();
    },
  },
  '2015-11-20-901-zugriffsprotokoll': {
    async up(db) {
      await db.schema
        .createTable('zugriffsprotokoll')
        .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('zeitpunkt', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addColumn('anfragende_behoerde', 'text', (col) =>
          col.notNull().check(sql`anfragende_behoerde ${AGENCY_CHECK}`),
        )
        .addColumn('benutzer', 'text', (col) => col.notNull())
        .addColumn('rolle', 'text', (col) => col.notNull())
        .addColumn('person_id', 'uuid', (col) => col.notNull())
        .addColumn('kategorie', 'text', (col) => col.notNull())
        .addColumn('operation', 'text', (col) => col.notNull())
        .addColumn('rechtsgrundlage', 'text')
        .addColumn('entscheidung', 'text', (col) =>
          col.notNull().check(sql`entscheidung in ('FREIGEGEBEN', 'VERWEIGERT')`),
        )
        .execute();
      await db.schema
        .createIndex('zugriffsprotokoll_person')
        .on('zugriffsprotokoll')
        .columns(['person_id', 'zeitpunkt'])
        .execute();
      await db.schema.createIndex('zugriffsprotokoll_zeitpunkt').on('zugriffsprotokoll').column('zeitpunkt').execute();
      await sql`
        create function zugriffsprotokoll_unveraenderlich() returns trigger language plpgsql as $$
        begin
          if tg_op = 'DELETE' then
            if coalesce(current_setting('ip.loeschung_bis', true), '') <> ''
               and old.zeitpunkt < current_setting('ip.loeschung_bis')::timestamptz then
              return old;
            end if;
          end if;
          raise exception 'zugriffsprotokoll is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
        end
        $$`.execute(db);
      await sql`create trigger zugriffsprotokoll_nur_anfuegen before update or delete on zugriffsprotokoll
        for each row execute function zugriffsprotokoll_unveraenderlich()`.execute(db);
      await sql`create trigger zugriffsprotokoll_kein_leeren before truncate on zugriffsprotokoll
        for each statement execute function zugriffsprotokoll_unveraenderlich()`.execute(db);
    },
  },
  /**
   * The log records the hash of the document that asked, and no longer any name a caller chooses. Named to
   * sort after every partner's migrations of its time (the latest, the Ausländerbehörde's 2016-02-05-002),
   * so it runs on databases migrated before. The limit on `operation` holds for new rows only (`not
   * valid`): older ones may not be changed, and leave with the retention purge.
   */
  '2016-02-05-900-zugriffsprotokoll-operation-hash': {
    async up(db) {
      await db.schema
        .alterTable('zugriffsprotokoll')
        .addColumn('operation_hash', 'text', (col) => col.check(sql`operation_hash ~ '^[0-9a-f]{64}$'`))
        .execute();
      await sql`alter table zugriffsprotokoll add constraint zugriffsprotokoll_operation_kurz
        check (char_length(operation) <= 255) not valid`.execute(db);
    },
  },
  // Named to sort after every partner's migrations: a migrator refuses a new one that sorts before one it ran.
  '2016-12-01-902-einwilligung-zweck-und-hinweis': {
    async up(db) {
      // § 67b Abs. 2 S. 2 SGB X, § 4 Abs. 1 DSG NRW: the person is told the purpose and what refusing means.
      // Declarations recorded before keep null: what they were told was not recorded.
      await db.schema
        .alterTable('einwilligung')
        .addColumn('zweck', 'text', (col) => col.check(sql`length(trim(zweck)) between 1 and 500`))
        .addColumn('verweigerungsfolgen_erklaert', 'boolean', (col) => col.check(sql`verweigerungsfolgen_erklaert`))
        .execute();
    },
  },
  /**
   * The list of agencies leaves the databases: the four columns that name an agency lose the CHECK that
   * listed the four partners of 2015, so a partner that joins later (one entry in the partner registry,
   * `@ip/kit/identity`) needs no migration in the others' databases. What takes its place is the code,
   * which writes only agencies of the registry (a verified token's agency, a declaration's lines through
   * `agencyOf`), and a check of the form of a name that no registry change touches. No table of agencies:
   * it would be a second copy of the registry in every database, to be kept in step on every start.
   * `not valid`: the rows already there passed the stricter list; the log is not scanned on migrate.
   * Named to sort after the tables it alters; the migrator runs kit and partner migrations unordered.
   */
  '2016-12-02-900-behoerde-ohne-liste': {
    async up(db) {
      for (const [table, column] of AGENCY_COLUMNS) {
        await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_${column}_check`)}`.execute(db);
        await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_${column}_name`)}
          check (${sql.ref(column)} ~ '^[a-z][a-z0-9_]{0,62}$') not valid`.execute(db);
      }
    },
  },
  /**
   * The legal bases' state (`stand`): one row whose value changes, in the same transaction, with every
   * statement that changes `rechtsgrundlage`. A subgraph keeps the legal bases in memory and reads only
   * this value, in the statement that loads the consents, to know whether its copy is still the law
   * (issue 18: the legal bases were read on every request). A random value, not a counter: a database
   * restored or recreated under the same name cannot come back to a value a process already holds.
   * Named to sort after every partner's migrations, like those before it.
   */
  '2026-12-02-900-rechtsgrundlage-stand': {
    async up(db) {
      await db.schema
        .createTable('rechtsgrundlage_stand')
        .addColumn('einzig', 'boolean', (col) =>
          col
            .primaryKey()
            .defaultTo(true)
            .check(sql`einzig`),
        )
        .addColumn('stand', 'uuid', (col) => col.notNull().defaultTo(sql`gen_random_uuid()`))
        .execute();
      await sql`insert into rechtsgrundlage_stand default values`.execute(db);
      await sql`
        create function rechtsgrundlage_neuer_stand() returns trigger language plpgsql as $$
        begin
          update rechtsgrundlage_stand set stand = gen_random_uuid();
          return null;
        end
        $$`.execute(db);
      await sql`create trigger rechtsgrundlage_stand_aendern after insert or update or delete or truncate
        on rechtsgrundlage for each statement execute function rechtsgrundlage_neuer_stand()`.execute(db);
    },
  },
};
