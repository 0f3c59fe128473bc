import type { Generated } from 'kysely';

/** One client-chosen request id of a creating mutation, and the entity the first attempt answered. */
export interface AnfrageIdempotenzTable {
  readonly behoerde: string;
  readonly anfrageId: string;
  readonly mutation: string;
  readonly benutzer: string;
  readonly rolle: string;
  /** SHA-256 of the mutation name and its canonical input. */
  readonly eingabeHash: string;
  /** A reference to what the first attempt answered (usually the created entity's id); set before commit. */
  ergebnis: string | null;
  readonly erstelltAm: Generated<Date>;
}

export interface IdempotenzTables {
  anfrageIdempotenz: AnfrageIdempotenzTable;
}
