import { domainError, ErrorCode, isUuid, notFound } from '@ip/kit';
import type { Kysely } from 'kysely';
import { lockFall } from '../db/fall.repository.ts';
import type { AgenturDatabase, FallRow } from '../db/tables.ts';

/**
 * Locks a case for a change and makes sure it is still active: a case handed over or closed is a record
 * and stays as it was (the database refuses changes to it too).
 */
export async function aktiverFallGesperrt(trx: Kysely<AgenturDatabase>, fallId: string): Promise<FallRow> {
  if (!isUuid(fallId)) throw notFound('Fall', fallId);
  const fall = await lockFall(trx, fallId);
  if (!fall) throw notFound('Fall', fallId);
  if (fall.status !== 'AKTIV') throw fallNichtAktiv(fall);
  return fall;
}

export const fallNichtAktiv = (fall: FallRow) =>
  domainError(ErrorCode.BAD_USER_INPUT, `the case is ${fall.status} since ${fall.statusSeit} and read-only`, {
    grund: 'FALL_NICHT_AKTIV',
    status: fall.status,
  });

/** A day a case worker records must lie between the case's opening and today. */
export function imFallZeitraum(fall: FallRow, day: string, today: string, field: string): void {
  if (day < fall.eroeffnetAm) throw domainError(ErrorCode.BAD_USER_INPUT, `${field} lies before the case was opened on ${fall.eroeffnetAm}`, { field });
  if (day > today) throw domainError(ErrorCode.BAD_USER_INPUT, `${field} lies in the future`, { field });
}
