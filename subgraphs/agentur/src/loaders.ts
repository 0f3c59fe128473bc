import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import { isUuid, manyByKey, oneByKey } from '@ip/kit';
import {
  findEreignisseByFallIds,
  findFaelleByIds,
  findNewestFallByPersonIds,
  findUebergabenByFallIds,
} from './db/fall.repository.ts';
import { findKompetenzfeststellungenByPersonIds, findSprachkurseByPersonIds } from './db/foerderung.repository.ts';
import { findFachkraefteByIds } from './db/stammdaten.repository.ts';
import type {
  AgenturDatabase,
  FallEreignisRow,
  FallRow,
  FallUebergabeRow,
  IntegrationsfachkraftRow,
  KompetenzfeststellungRow,
  SprachkursRow,
  TerminRow,
} from './db/tables.ts';
import { findTermineByPersonIds } from './db/termin.repository.ts';

const uuids = (ids: readonly string[]) => ids.filter(isUuid);

/** Created per request, so one caller's cache never answers another's. */
export function createLoaders(db: Kysely<AgenturDatabase>) {
  return {
    fallByPerson: new DataLoader<string, FallRow | null>(async (ids) =>
      oneByKey(ids, await findNewestFallByPersonIds(db, uuids(ids)), (row) => row.personId),
    ),
    fall: new DataLoader<string, FallRow | null>(async (ids) =>
      oneByKey(ids, await findFaelleByIds(db, uuids(ids)), (row) => row.id),
    ),
    ereignisseByFall: new DataLoader<string, FallEreignisRow[]>(async (ids) =>
      manyByKey(ids, await findEreignisseByFallIds(db, ids), (row) => row.fallId),
    ),
    uebergabeByFall: new DataLoader<string, FallUebergabeRow | null>(async (ids) =>
      oneByKey(ids, await findUebergabenByFallIds(db, ids), (row) => row.fallId),
    ),
    fachkraft: new DataLoader<string, IntegrationsfachkraftRow | null>(async (ids) =>
      oneByKey(ids, await findFachkraefteByIds(db, uuids(ids)), (row) => row.id),
    ),
    kompetenzfeststellungenByPerson: new DataLoader<string, KompetenzfeststellungRow[]>(async (ids) =>
      manyByKey(ids, await findKompetenzfeststellungenByPersonIds(db, uuids(ids)), (row) => row.personId),
    ),
    sprachkurseByPerson: new DataLoader<string, SprachkursRow[]>(async (ids) =>
      manyByKey(ids, await findSprachkurseByPersonIds(db, uuids(ids)), (row) => row.personId),
    ),
    termineByPerson: new DataLoader<string, TerminRow[]>(async (ids) =>
      manyByKey(ids, await findTermineByPersonIds(db, uuids(ids)), (row) => row.personId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
