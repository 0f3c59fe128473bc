import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import { isUuid, manyByKey, oneByKey } from '@ip/kit';
import { findStatusverlaufByPersonIds } from './db/aufenthaltsstatus.repository.ts';
import { findPersonsByIds } from './db/person.repository.ts';
import { findStatusklaerungenByPersonIds } from './db/statusklaerung.repository.ts';
import type { AufenthaltsstatusRow, AuslaenderbehoerdeDatabase, PersonRow, StatusklaerungRow } from './db/tables.ts';

/** Created per request, so one caller's cache never answers another's. */
export function createLoaders(db: Kysely<AuslaenderbehoerdeDatabase>) {
  return {
    person: new DataLoader<string, PersonRow | null>(async (ids) =>
      oneByKey(ids, await findPersonsByIds(db, ids.filter(isUuid)), (row) => row.id),
    ),
    statusverlauf: new DataLoader<string, AufenthaltsstatusRow[]>(async (ids) =>
      manyByKey(ids, await findStatusverlaufByPersonIds(db, ids.filter(isUuid)), (row) => row.personId),
    ),
    statusklaerungen: new DataLoader<string, StatusklaerungRow[]>(async (ids) =>
      manyByKey(ids, await findStatusklaerungenByPersonIds(db, ids.filter(isUuid)), (row) => row.personId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
