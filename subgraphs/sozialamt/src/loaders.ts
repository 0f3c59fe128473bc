import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import { isUuid, manyByKey } from '@ip/kit';
import { findZeitraeumeByPersonIds } from './db/leistungszeitraum.repository.ts';
import type { LeistungszeitraumRow, SozialamtDatabase } from './db/tables.ts';

/** Created per request, so one caller's cache never answers another's. */
export function createLoaders(db: Kysely<SozialamtDatabase>) {
  return {
    zeitraeumeByPerson: new DataLoader<string, LeistungszeitraumRow[]>(async (ids) =>
      manyByKey(ids, await findZeitraeumeByPersonIds(db, ids.filter(isUuid)), (row) => row.personId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
