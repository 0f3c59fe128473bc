import { badUserInput, domainError, ErrorCode, isUuid, notFound } from '@ip/kit';
import { authorise } from '@ip/kit/identity';
import { inTransaction } from '@ip/kit/idempotency';
import type { Context } from '../context.ts';
import { lockPerson } from '../db/aufenthaltsstatus.repository.ts';
import {
  findStatusklaerungForUpdate,
  insertStatusklaerung,
  updateStatusklaerung,
} from '../db/statusklaerung.repository.ts';
import type { Anliegen, StatusklaerungRow } from '../db/tables.ts';
import { KLAERUNG_ANFRAGEN, KLAERUNG_BEANTWORTEN } from './permissions.ts';
import { statusErfassenIn, type StatusEingabe } from './status-erfassen.ts';
import { refuse } from '../errors.ts';

/** The Agentur or the Jobcenter asks the ABH to clarify a person's status; the request lives in the ABH's inbox. */
export async function statusklaerungAnfragen(
  context: Context,
  personId: string,
  anliegen: Anliegen,
  frage: string,
): Promise<StatusklaerungRow> {
  const { caller } = context.access;
  authorise(caller, KLAERUNG_ANFRAGEN, 'ask for a status clarification');
  if (!frage.trim()) throw badUserInput('the question must say what to clarify', 'frage');
  return inTransaction(context.db, async (trx) => {
    if (!isUuid(personId) || !(await lockPerson(trx, personId))) throw notFound('Person', personId);
    return insertStatusklaerung(trx, {
      personId,
      anliegen,
      frage: frage.trim(),
      status: 'OFFEN',
      gestelltAm: context.today,
      gestelltVon: caller.userId,
      gestelltDurch: caller.agency,
    });
  });
}

async function offeneKlaerung(
  trx: Parameters<typeof findStatusklaerungForUpdate>[0],
  id: string,
): Promise<StatusklaerungRow> {
  const klaerung = isUuid(id) ? await findStatusklaerungForUpdate(trx, id) : undefined;
  if (!klaerung) throw notFound('Statusklaerung', id);
  if (klaerung.status !== 'OFFEN') {
    throw refuse('NICHT_OFFEN', `the request is ${klaerung.status.toLowerCase()} already`, { status: klaerung.status });
  }
  return klaerung;
}

/** The ABH answers; the answer may record a new residence status in the same transaction. */
export async function statusklaerungBeantworten(
  context: Context,
  id: string,
  antwort: string,
  neuerStatus?: StatusEingabe | null,
): Promise<StatusklaerungRow> {
  authorise(context.access.caller, KLAERUNG_BEANTWORTEN, 'answer status clarifications');
  if (!antwort.trim()) throw badUserInput('the answer must not be empty', 'antwort');
  return context.db.transaction().execute(async (trx) => {
    const klaerung = await offeneKlaerung(trx, id);
    if (neuerStatus) await statusErfassenIn(trx, klaerung.personId, neuerStatus, 'neuerStatus');
    return updateStatusklaerung(trx, klaerung.id, {
      status: 'BEANTWORTET',
      antwort: antwort.trim(),
      beantwortetAm: context.today,
      beantwortetVon: context.access.caller.userId,
    });
  });
}

/** The asking agency withdraws its open request. */
export async function statusklaerungZurueckziehen(context: Context, id: string): Promise<StatusklaerungRow> {
  const { caller } = context.access;
  authorise(caller, KLAERUNG_ANFRAGEN, 'withdraw a status clarification');
  return context.db.transaction().execute(async (trx) => {
    const klaerung = await offeneKlaerung(trx, id);
    if (klaerung.gestelltDurch !== caller.agency)
      throw domainError(ErrorCode.FORBIDDEN, 'only the asking agency may withdraw its request');
    return updateStatusklaerung(trx, klaerung.id, { status: 'ZURUECKGEZOGEN', zurueckgezogenAm: context.today });
  });
}
