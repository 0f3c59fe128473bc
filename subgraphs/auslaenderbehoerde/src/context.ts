import type { Kysely } from 'kysely';
import { AccessControl, berlinToday, datenschutzDb } from '@ip/kit/consent';
import type { Caller } from '@ip/kit/identity';
import type { IsoDate } from '@ip/kit';
import type { AuslaenderbehoerdeDatabase } from './db/tables.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { OWNER } from './policy.ts';

export interface Context {
  readonly db: Kysely<AuslaenderbehoerdeDatabase>;
  readonly loaders: Loaders;
  /** The owner's decisions and log for this request. */
  readonly access: AccessControl;
  readonly today: IsoDate;
}

export function createContext(db: Kysely<AuslaenderbehoerdeDatabase>, caller: Caller, now: Date = new Date()): Context {
  const today = berlinToday(now);
  return { db, loaders: createLoaders(db), access: new AccessControl({ owner: OWNER, caller, db: datenschutzDb(db), today }), today };
}
