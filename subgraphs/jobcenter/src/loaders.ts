import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import { isUuid, manyByKey, oneByKey } from '@ip/kit';
import { findAntraegeByBgIds, findBgsByPersonIds, findMitgliederByBgIds } from './db/bedarfsgemeinschaft.repository.ts';
import { findMassnahmenByPersonIds, findWechselByPersonIds } from './db/rechtskreiswechsel.repository.ts';
import type {
  BedarfsgemeinschaftRow,
  BgMitgliedRow,
  JobcenterDatabase,
  LeistungsantragRow,
  RechtskreiswechselRow,
  Sgb3MassnahmeRow,
} from './db/tables.ts';

/** Created per request, so one caller's cache never answers another's. */
export function createLoaders(db: Kysely<JobcenterDatabase>) {
  return {
    bgByPerson: new DataLoader<string, BedarfsgemeinschaftRow | null>(async (ids) =>
      oneByKey(ids, await findBgsByPersonIds(db, ids.filter(isUuid)), (row) => row.personId),
    ),
    mitgliederByBg: new DataLoader<string, BgMitgliedRow[]>(async (ids) =>
      manyByKey(ids, await findMitgliederByBgIds(db, ids), (row) => row.bedarfsgemeinschaftId),
    ),
    antraegeByBg: new DataLoader<string, LeistungsantragRow[]>(async (ids) =>
      manyByKey(ids, await findAntraegeByBgIds(db, ids), (row) => row.bedarfsgemeinschaftId),
    ),
    wechselByPerson: new DataLoader<string, RechtskreiswechselRow | null>(async (ids) =>
      oneByKey(ids, await findWechselByPersonIds(db, ids.filter(isUuid)), (row) => row.personId),
    ),
    massnahmenByPerson: new DataLoader<string, Sgb3MassnahmeRow[]>(async (ids) =>
      manyByKey(ids, await findMassnahmenByPersonIds(db, ids.filter(isUuid)), (row) => row.personId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
