import type { Kysely } from 'kysely';
import type { IsoDate } from '@ip/kit';
import type { Arbeitskalender } from '@ip/kit/calendar';
import { accessScope, type AccessControl } from '@ip/kit/consent';
import type { Caller } from '@ip/kit/identity';
import type { FamilienkasseDatabase } from './db/tables.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { OWNER } from './policy.ts';

export interface Context {
  readonly db: Kysely<FamilienkasseDatabase>;
  readonly loaders: Loaders;
  /** The owner's decisions and log for this request. */
  readonly access: AccessControl;
  readonly today: IsoDate;
  /** The working-day calendar of the Familienkasse's Land (FAMILIENKASSE_LAND). */
  readonly kalender: Arbeitskalender;
}

export function createContext(db: Kysely<FamilienkasseDatabase>, caller: Caller, kalender: Arbeitskalender): Context {
  return { db, loaders: createLoaders(db), ...accessScope(OWNER, db, caller), kalender };
}

/** The same request's context on another database handle: an idempotent mutation's transaction, with loaders of its own. */
export function contextOn(context: Context, db: Kysely<FamilienkasseDatabase>): Context {
  return { ...context, db, loaders: createLoaders(db) };
}
