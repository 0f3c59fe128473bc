import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import { isUuid, manyByKey, oneByKey } from '@ip/kit';
import { findAntragspaketeByIds, findAntragspaketeByPersonIds } from './db/antragspaket.repository.ts';
import { findAntraegeByPaketIds, findAntraegeByPersonIds, findKinderByAntragIds } from './db/kindergeld.repository.ts';
import type { AntragspaketRow, FamilienkasseDatabase, KindergeldAntragRow, KindRow } from './db/tables.ts';

/** Created per request, so one caller's cache never answers another's. */
export function createLoaders(db: Kysely<FamilienkasseDatabase>) {
  return {
    antraegeByPerson: new DataLoader<string, KindergeldAntragRow[]>(async (ids) =>
      manyByKey(ids, await findAntraegeByPersonIds(db, ids.filter(isUuid)), (row) => row.personId),
    ),
    kinderByAntrag: new DataLoader<string, KindRow[]>(async (ids) =>
      manyByKey(ids, await findKinderByAntragIds(db, ids), (row) => row.kindergeldAntragId),
    ),
    paketeByPerson: new DataLoader<string, AntragspaketRow[]>(async (ids) =>
      manyByKey(ids, await findAntragspaketeByPersonIds(db, ids.filter(isUuid)), (row) => row.personId),
    ),
    paket: new DataLoader<string, AntragspaketRow | null>(async (ids) =>
      oneByKey(ids, await findAntragspaketeByIds(db, ids), (row) => row.id),
    ),
    antragByPaket: new DataLoader<string, KindergeldAntragRow | null>(async (ids) =>
      oneByKey(ids, await findAntraegeByPaketIds(db, ids), (row) => row.antragspaketId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
