import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import { isUuid, manyByKey, oneByKey } from '@ip/kit';
import { findEreignisseByFallIds, findFachkraefteByIds, findNewestFallByPersonIds } from './db/fall.repository.ts';
import type { AgenturDatabase, FallEreignisRow, FallRow, IntegrationsfachkraftRow } from './db/tables.ts';

/** Created per request, so one caller's cache never answers another's. */
export function createLoaders(db: Kysely<AgenturDatabase>) {
  return {
    fallByPerson: new DataLoader<string, FallRow | null>(async (ids) =>
      oneByKey(ids, await findNewestFallByPersonIds(db, ids.filter(isUuid)), (row) => row.personId),
    ),
    ereignisseByFall: new DataLoader<string, FallEreignisRow[]>(async (ids) =>
      manyByKey(ids, await findEreignisseByFallIds(db, ids), (row) => row.fallId),
    ),
    fachkraft: new DataLoader<string, IntegrationsfachkraftRow | null>(async (ids) =>
      oneByKey(ids, await findFachkraefteByIds(db, ids), (row) => row.id),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
