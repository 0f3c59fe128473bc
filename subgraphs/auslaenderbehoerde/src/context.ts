import type { Kysely } from 'kysely';
import type { AuslaenderbehoerdeDatabase } from './db/tables.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface Context {
  readonly db: Kysely<AuslaenderbehoerdeDatabase>;
  readonly loaders: Loaders;
}

export function createContext(db: Kysely<AuslaenderbehoerdeDatabase>): Context {
  return { db, loaders: createLoaders(db) };
}
