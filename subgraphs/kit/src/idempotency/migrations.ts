import { sql } from 'kysely';
import type { Migrations } from '../migrations.ts';

/**
 * The request-id table every partner keeps, frozen like every migration. Its name sorts after every
 * partner migration that had landed when it was added (the newest was `2016-02-05-002-…`), so a database
 * that already ran those takes it as the next one; kysely refuses a pending name that sorts before an
 * executed one.
 */
export const anfrageIdempotenzMigrations: Migrations = {
  '2016-02-05-900-anfrage-idempotenz': {
    async up(db) {
      await db.schema
        .createTable('anfrage_idempotenz')
        .addColumn('behoerde', 'text', (col) => col.notNull())
        .addColumn('anfrage_id', 'text', (col) => col.notNull().check(sql`anfrage_id ~ '^[A-Za-z0-9_-]{8,64}$'`))
        .addColumn('mutation', 'text', (col) => col.notNull())
        .addColumn('benutzer', 'text', (col) => col.notNull())
        .addColumn('rolle', 'text', (col) => col.notNull())
        .addColumn('eingabe_hash', 'text', (col) => col.notNull())
        .addColumn('ergebnis', 'text')
        .addColumn('erstellt_am', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('anfrage_idempotenz_pk', ['behoerde', 'anfrage_id'])
        .execute();
      await db.schema
        .createIndex('anfrage_idempotenz_erstellt_am')
        .on('anfrage_idempotenz')
        .column('erstellt_am')
        .execute();
    },
  },
};
