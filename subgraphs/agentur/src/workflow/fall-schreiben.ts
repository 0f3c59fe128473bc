import { domainError, ErrorCode, isUuid, notFound } from '@ip/kit';
import type { Kysely } from 'kysely';
import { findUebergabenByFallIds, lockFall } from '../db/fall.repository.ts';
import type { AgenturDatabase, FallRow } from '../db/tables.ts';
import { refuse } from '../errors.ts';

/**
 * Locks a case for a change and makes sure it is still active: a case handed over or closed is a record
 * and stays as it was (the database refuses changes to it too).
 */
export async function aktiverFallGesperrt(trx: Kysely<AgenturDatabase>, fallId: string): Promise<FallRow> {
  const fall = await gesperrterFall(trx, fallId);
  if (fall.status !== 'AKTIV') throw fallNichtAktiv(fall);
  return fall;
}

async function gesperrterFall(trx: Kysely<AgenturDatabase>, fallId: string): Promise<FallRow> {
  const fall = isUuid(fallId) ? await lockFall(trx, fallId) : undefined;
  if (!fall) throw notFound('Fall', fallId);
  return fall;
}

/**
 * Locks a case to record how a measure begun in it ended. The partners agreed that measures begun continue
 * to their end after the change of legal sphere, financed from SGB III (Rahmenkonzept §4): so a case handed
 * to the Jobcenter for that reason still takes the end of what it began (`nachlauf`), and nothing else.
 */
export async function fallFuerMassnahmeende(
  trx: Kysely<AgenturDatabase>,
  fallId: string,
): Promise<{ fall: FallRow; nachlauf: boolean }> {
  const fall = await gesperrterFall(trx, fallId);
  if (fall.status === 'AKTIV') return { fall, nachlauf: false };
  const [uebergabe] = fall.status === 'UEBERGEBEN' ? await findUebergabenByFallIds(trx, [fall.id]) : [];
  if (uebergabe?.anlass === 'RECHTSKREISWECHSEL') return { fall, nachlauf: true };
  throw fallNichtAktiv(fall);
}

/** After a change of legal sphere only the end of a measure begun before it may be recorded. */
export const nurMassnahmeende = (fall: FallRow) =>
  refuse(
    'FALL_NICHT_AKTIV',
    `the case went to the Jobcenter on ${fall.statusSeit}; only how a measure begun before then ended can still be recorded`,
    {
      status: fall.status,
    },
  );

export const fallNichtAktiv = (fall: FallRow) =>
  refuse('FALL_NICHT_AKTIV', `the case is ${fall.status} since ${fall.statusSeit} and read-only`, {
    status: fall.status,
  });

/** A day a case worker records must lie between the case's opening and today. */
export function imFallZeitraum(fall: FallRow, day: string, today: string, field: string): void {
  if (day < fall.eroeffnetAm)
    throw domainError(ErrorCode.BAD_USER_INPUT, `${field} lies before the case was opened on ${fall.eroeffnetAm}`, {
      field,
    });
  if (day > today) throw domainError(ErrorCode.BAD_USER_INPUT, `${field} lies in the future`, { field });
}
