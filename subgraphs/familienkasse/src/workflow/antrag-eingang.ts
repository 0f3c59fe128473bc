import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { badUserInput, domainError, ErrorCode } from '@ip/kit';
import { authorise } from '@ip/kit/identity';
import { inTransaction } from '@ip/kit/idempotency';
import type { Context } from '../context.ts';
import { findAntragspaketByCode, matrixCodeKey } from '../db/antragspaket.repository.ts';
import {
  findAntragByPaketId,
  findKindergeldnummerOfPerson,
  insertAntragOnce,
  isKindergeldnummerTaken,
} from '../db/kindergeld.repository.ts';
import type { KindergeldAntragRow } from '../db/tables.ts';
import { isGenuineMatrixCode, normaliseMatrixCode } from '../domain/matrixcode.ts';
import { faelligAm } from '../domain/sla.ts';
import { ANTRAG_BEARBEITEN } from './permissions.ts';
import { refuse } from '../errors.ts';

function sameReceipt(antrag: KindergeldAntragRow, eingangAm: string): KindergeldAntragRow {
  if (antrag.eingangAm !== eingangAm) {
    throw refuse(
      'EINGANG_ABWEICHEND',
      `this envelope was already received on ${antrag.eingangAm}, not on ${eingangAm}`,
      {
        field: 'eingangAm',
        eingangAm: antrag.eingangAm,
      },
    );
  }
  return antrag;
}

/**
 * The Familienkasse scans a returned envelope: this creates the application with its due date. A second
 * scan of the same envelope (a retry, a double scan, two scanners at once) answers the same application.
 */
export async function antragEingangErfassen(
  context: Context,
  matrixCodeInput: string,
  eingangAm: string,
): Promise<KindergeldAntragRow> {
  authorise(context.access.caller, ANTRAG_BEARBEITEN, 'record the receipt of applications');
  const matrixCode = normaliseMatrixCode(matrixCodeInput);
  if (!isGenuineMatrixCode(await matrixCodeKey(context.db), matrixCode)) {
    throw refuse('MATRIXCODE_UNGUELTIG', 'this matrix code was not issued by this Familienkasse (mistyped or forged)', {
      field: 'matrixCode',
    });
  }
  if (eingangAm > context.today) throw badUserInput('an envelope cannot be received in the future', 'eingangAm');
  return inTransaction(context.db, async (trx) => {
    const paket = await findAntragspaketByCode(trx, matrixCode);
    if (!paket)
      throw domainError(ErrorCode.NOT_FOUND, 'no packet was issued with this matrix code', { field: 'matrixCode' });
    if (eingangAm < paket.ausgegebenAm)
      throw badUserInput(`the packet was issued on ${paket.ausgegebenAm}, it cannot come back before`, 'eingangAm');
    const existing = await findAntragByPaketId(trx, paket.id);
    if (existing) return sameReceipt(existing, eingangAm);
    // One applicant keeps one Kindergeld number; hold the person while choosing it.
    await sql`select pg_advisory_xact_lock(hashtext(${paket.personId}))`.execute(trx);
    let kindergeldnummer = await findKindergeldnummerOfPerson(trx, paket.personId);
    while (kindergeldnummer === undefined) {
      const candidate = `${paket.familienkasse}FK${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
      if (!(await isKindergeldnummerTaken(trx, candidate))) kindergeldnummer = candidate;
    }
    const inserted = await insertAntragOnce(trx, {
      personId: paket.personId,
      kindergeldnummer,
      familienkasse: paket.familienkasse,
      eingangAm,
      faelligAm: faelligAm(context.kalender, eingangAm),
      antragspaketId: paket.id,
    });
    return inserted ?? sameReceipt((await findAntragByPaketId(trx, paket.id))!, eingangAm);
  });
}
