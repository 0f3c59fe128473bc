import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import { isUuid, manyByKey } from '@ip/kit';
import { findAntraegeByPersonIds, findKinderByAntragIds } from './db/kindergeld.repository.ts';
import type { FamilienkasseDatabase, KindergeldAntragRow, KindRow } from './db/tables.ts';

/** Created per request, so one caller's cache never answers another's. */
export function createLoaders(db: Kysely<FamilienkasseDatabase>) {
  return {
    antraegeByPerson: new DataLoader<string, KindergeldAntragRow[]>(async (ids) =>
      manyByKey(ids, await findAntraegeByPersonIds(db, ids.filter(isUuid)), (row) => row.personId),
    ),
    kinderByAntrag: new DataLoader<string, KindRow[]>(async (ids) =>
      manyByKey(ids, await findKinderByAntragIds(db, ids), (row) => row.kindergeldAntragId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
