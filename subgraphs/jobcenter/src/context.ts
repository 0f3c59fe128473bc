import type { Kysely } from 'kysely';
import type { IsoDate } from '@ip/kit';
import { accessScope, type AccessControl } from '@ip/kit/consent';
import type { Caller } from '@ip/kit/identity';
import type { JobcenterSettings } from './config.ts';
import type { JobcenterDatabase } from './db/tables.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { OWNER } from './policy.ts';

export interface Context {
  readonly db: Kysely<JobcenterDatabase>;
  readonly loaders: Loaders;
  /** The owner's decisions and log for this request. */
  readonly access: AccessControl;
  readonly today: IsoDate;
  readonly settings: JobcenterSettings;
}

export function createContext(db: Kysely<JobcenterDatabase>, caller: Caller, settings: JobcenterSettings): Context {
  return { db, loaders: createLoaders(db), ...accessScope(OWNER, db, caller), settings };
}

/** The same request's context on another database handle: an idempotent mutation's transaction, with loaders of its own. */
export function contextOn(context: Context, db: Kysely<JobcenterDatabase>): Context {
  return { ...context, db, loaders: createLoaders(db) };
}
