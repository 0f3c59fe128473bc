import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import { isUuid, manyByKey } from '@ip/kit';
import { findVorgaengeByPersonIds } from './db/vorgang.repository.ts';
import type { SozialamtDatabase, VorgangRow } from './db/tables.ts';

/** Created per request, so one caller's cache never answers another's. */
export function createLoaders(db: Kysely<SozialamtDatabase>) {
  return {
    vorgaengeByPerson: new DataLoader<string, VorgangRow[]>(async (ids) =>
      manyByKey(ids, await findVorgaengeByPersonIds(db, ids.filter(isUuid)), (row) => row.personId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
