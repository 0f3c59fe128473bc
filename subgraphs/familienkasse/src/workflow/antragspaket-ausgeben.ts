import { badUserInput, isUuid } from '@ip/kit';
import { authorise } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import { insertAntragspaket, matrixCodeKey } from '../db/antragspaket.repository.ts';
import type { AntragspaketRow } from '../db/tables.ts';
import { newMatrixCode } from '../domain/matrixcode.ts';
import { PAKET_AUSGEBEN } from './permissions.ts';

export interface PaketEingabe {
  readonly personId: string;
  readonly familienkasse: string;
  readonly ausgegebenAm?: string | null;
}

/** Issues a Kindergeld application packet: the Familienkasse owns the record and the matrix code. */
export async function antragspaketAusgeben(context: Context, eingabe: PaketEingabe): Promise<AntragspaketRow> {
  const { caller } = context.access;
  authorise(caller, PAKET_AUSGEBEN, 'issue Kindergeld application packets');
  if (!isUuid(eingabe.personId)) throw badUserInput('personId must be a person reference (UUID)', 'personId');
  if (!/^\d{3}$/.test(eingabe.familienkasse))
    throw badUserInput('familienkasse must be the 3-digit number of a Familienkasse', 'familienkasse');
  const ausgegebenAm = eingabe.ausgegebenAm ?? context.today;
  if (ausgegebenAm > context.today) throw badUserInput('a packet cannot be issued in the future', 'ausgegebenAm');
  const key = await matrixCodeKey(context.db);
  return insertAntragspaket(context.db, {
    personId: eingabe.personId,
    matrixCode: newMatrixCode(key),
    familienkasse: eingabe.familienkasse,
    ausgegebenAm,
    ausgegebenVon: caller.userId,
    ausgegebenDurch: caller.agency,
  });
}
