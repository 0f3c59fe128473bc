import { badUserInput, isUuid } from '@ip/kit';
import { authorise } from '@ip/kit/identity';
import { inTransaction } from '@ip/kit/idempotency';
import type { Context } from '../context.ts';
import { findAktiverFallByPerson } from '../db/fall.repository.ts';
import { findFachkraefteByIds, isRegelkunde } from '../db/stammdaten.repository.ts';
import type { Kanal, TerminRow } from '../db/tables.ts';
import { findTermin, insertTermin } from '../db/termin.repository.ts';
import { pruefeEinladung } from '../domain/einladung.ts';
import { TERMIN_VEREINBAREN } from './permissions.ts';
import { refuse } from '../errors.ts';

export interface TerminEingabe {
  readonly personId: string;
  readonly integrationsfachkraftId: string;
  readonly datum: string;
  readonly uhrzeit: string;
  readonly sprache: string;
  readonly kanaele: readonly Kanal[];
  readonly rechtsfolgenbelehrung?: boolean | null;
  readonly kopieAn?: string | null;
}

const UHRZEIT = /^([01]\d|2[0-3]):[0-5]\d$/;
const SPRACHE = /^[a-z]{2,3}$/;

const sameTermin = (stored: TerminRow, eingabe: TerminEingabe, kopieAn: string | null) =>
  stored.integrationsfachkraftId === eingabe.integrationsfachkraftId &&
  stored.sprache === eingabe.sprache &&
  stored.rechtsfolgenbelehrung === (eingabe.rechtsfolgenbelehrung ?? false) &&
  stored.kopieAn === kopieAn &&
  [...stored.kanaele].sort().join() === [...eingabe.kanaele].sort().join();

/**
 * Invites a person (Rahmenkonzept §4): with an active case the invitation belongs to it, an outreach
 * invitation has none yet and is not for customers of the regular organisation. The same person at the same time again (a retry) answers the stored invitation.
 */
export async function terminVereinbaren(context: Context, eingabe: TerminEingabe): Promise<TerminRow> {
  authorise(context.access.caller, TERMIN_VEREINBAREN, 'send invitations');
  if (!isUuid(eingabe.personId)) throw badUserInput('personId must be a person reference (UUID)', 'eingabe.personId');
  if (!UHRZEIT.test(eingabe.uhrzeit)) throw badUserInput('uhrzeit is a local time HH:MM', 'eingabe.uhrzeit');
  if (!SPRACHE.test(eingabe.sprache)) throw badUserInput('sprache is an ISO 639-1 code such as ar', 'eingabe.sprache');
  if (eingabe.datum < context.today)
    throw badUserInput('an appointment cannot be made for a past day', 'eingabe.datum');
  const kopieAn = eingabe.kopieAn?.trim() || null;
  // The Integration Point's invitations are the Agentur's, in SGB III.
  const fehler = pruefeEinladung(
    { kanaele: [...eingabe.kanaele], rechtsfolgenbelehrung: eingabe.rechtsfolgenbelehrung ?? false, kopieAn },
    'SGB_III',
  );
  if (fehler)
    throw refuse(fehler.grund, `the invitation cannot go like this: ${fehler.grund}`, {
      field: `eingabe.${fehler.field}`,
    });
  if (!isUuid(eingabe.integrationsfachkraftId))
    throw badUserInput('no such integration specialist', 'eingabe.integrationsfachkraftId');

  return inTransaction(context.db, async (trx) => {
    const [fachkraft] = await findFachkraefteByIds(trx, [eingabe.integrationsfachkraftId]);
    if (!fachkraft) throw badUserInput('no such integration specialist', 'eingabe.integrationsfachkraftId');
    const fall = await findAktiverFallByPerson(trx, eingabe.personId);
    if (!fall && (await isRegelkunde(trx, eingabe.personId))) {
      throw refuse(
        'BESTANDSKUNDE',
        'the person is a customer of the regular organisation; outreach is not for existing customers (Rahmenkonzept §3)',
      );
    }
    const inserted = await insertTermin(trx, {
      personId: eingabe.personId,
      fallId: fall?.id ?? null,
      integrationsfachkraftId: fachkraft.id,
      datum: eingabe.datum,
      uhrzeit: eingabe.uhrzeit,
      sprache: eingabe.sprache,
      kanaele: [...new Set(eingabe.kanaele)],
      rechtsfolgenbelehrung: eingabe.rechtsfolgenbelehrung ?? false,
      kopieAn,
      erfasstVon: context.access.caller.userId,
    });
    if (inserted) return inserted;
    const stored = (await findTermin(trx, eingabe.personId, eingabe.datum, eingabe.uhrzeit))!;
    if (sameTermin(stored, eingabe, kopieAn)) return stored;
    throw refuse(
      'TERMIN_BELEGT',
      `the person already has another appointment on ${eingabe.datum} at ${eingabe.uhrzeit}`,
      { terminId: stored.id },
    );
  });
}
