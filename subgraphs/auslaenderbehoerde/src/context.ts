import type { Kysely } from 'kysely';
import type { IsoDate } from '@ip/kit';
import type { Arbeitskalender } from '@ip/kit/calendar';
import { accessScope, type AccessControl } from '@ip/kit/consent';
import type { Caller } from '@ip/kit/identity';
import type { AuslaenderbehoerdeDatabase } from './db/tables.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { OWNER } from './policy.ts';

export interface Context {
  readonly db: Kysely<AuslaenderbehoerdeDatabase>;
  readonly loaders: Loaders;
  /** The owner's decisions and log for this request. */
  readonly access: AccessControl;
  readonly today: IsoDate;
  readonly fristen: Fristen;
}

/** How status clarifications are timed: the Land's working days and when an open one is late. */
export interface Fristen {
  readonly kalender: Arbeitskalender;
  /** Working days after which an open status clarification counts as late (AUSLAENDERBEHOERDE_KLAERUNG_SCHWELLE). */
  readonly klaerungSchwelle: number;
}

export function createContext(db: Kysely<AuslaenderbehoerdeDatabase>, caller: Caller, fristen: Fristen): Context {
  return { db, loaders: createLoaders(db), ...accessScope(OWNER, db, caller), fristen };
}

/** The same request's context on another database handle: an idempotent mutation's transaction, with loaders of its own. */
export function contextOn(context: Context, db: Kysely<AuslaenderbehoerdeDatabase>): Context {
  return { ...context, db, loaders: createLoaders(db) };
}
