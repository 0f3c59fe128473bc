import type { Kysely } from 'kysely';
import type { IsoDate } from '@ip/kit';
import { accessScope, type AccessControl } from '@ip/kit/consent';
import type { Caller } from '@ip/kit/identity';
import type { SozialamtDatabase } from './db/tables.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { OWNER } from './policy.ts';

/** One request's view: the caller's decisions and log at this owner, its loaders, today in Europe/Berlin. */
export interface Context {
  readonly db: Kysely<SozialamtDatabase>;
  readonly loaders: Loaders;
  /** The owner's decisions and log for this request. */
  readonly access: AccessControl;
  readonly today: IsoDate;
}

export function createContext(db: Kysely<SozialamtDatabase>, caller: Caller): Context {
  return { db, loaders: createLoaders(db), ...accessScope(OWNER, db, caller) };
}
