import { badUserInput, domainError, ErrorCode, isUuid, notFound } from '@ip/kit';
import { periodOn } from '@ip/kit/calendar';
import { authorise } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import { findKompetenzfeststellung, findSprachkurs, findSprachkursById, insertKompetenzfeststellung, insertSprachkurs, updateSprachkursStatus } from '../db/foerderung.repository.ts';
import type { Instrument, KompetenzfeststellungRow, Sprachkursart, SprachkursRow, SprachkursStatus, Sprachniveau } from '../db/tables.ts';
import { einstiegskursFoerderfaehig } from '../domain/einstiegskurs.ts';
import { statusNachweis } from '../graph/auslaenderbehoerde.ts';
import { aktiverFallGesperrt, imFallZeitraum } from './fall-schreiben.ts';
import { FALL_BEARBEITEN } from './permissions.ts';

export interface KompetenzfeststellungEingabe {
  readonly instrument: Instrument;
  readonly beginn: string;
  readonly ende?: string | null;
  readonly ergebnis?: string | null;
}

function pruefeZeitraum(beginn: string, ende: string | null | undefined, field = 'eingabe.ende'): void {
  if (ende != null && ende < beginn) throw badUserInput(`${field} lies before the first day ${beginn}`, field);
}

/** Records an instrument's use; the same instrument with the same first day again answers the stored one. */
export async function kompetenzfeststellungErfassen(context: Context, fallId: string, eingabe: KompetenzfeststellungEingabe): Promise<KompetenzfeststellungRow> {
  authorise(context.access.caller, FALL_BEARBEITEN, 'record competence assessments');
  pruefeZeitraum(eingabe.beginn, eingabe.ende);
  return context.db.transaction().execute(async (trx) => {
    const fall = await aktiverFallGesperrt(trx, fallId);
    imFallZeitraum(fall, eingabe.beginn, context.today, 'eingabe.beginn');
    const stored = await findKompetenzfeststellung(trx, fall.id, eingabe.instrument, eingabe.beginn);
    if (stored) return stored;
    return insertKompetenzfeststellung(trx, {
      fallId: fall.id,
      instrument: eingabe.instrument,
      beginn: eingabe.beginn,
      ende: eingabe.ende ?? null,
      ergebnis: eingabe.ergebnis?.trim() || null,
      erfasstVon: context.access.caller.userId,
    });
  });
}

export interface SprachkursEingabe {
  readonly art: Sprachkursart;
  readonly niveau: Sprachniveau;
  readonly beginn: string;
  readonly ende?: string | null;
  readonly status: SprachkursStatus;
}

/**
 * § 421 SGB III entry courses are checked against the law with the Ausländerbehörde's facts, asked for as
 * the caller: the Agentur keeps no copy of nationality or status.
 */
async function pruefeEinstiegskurs(context: Context, personId: string, eintritt: string): Promise<void> {
  const nachweis = await statusNachweis(context.auslaenderbehoerde, personId);
  if (!nachweis) {
    throw domainError(ErrorCode.BAD_USER_INPUT, 'the Ausländerbehörde does not release nationality and status of this person to the Agentur, so § 421 SGB III cannot be checked', {
      grund: 'NACHWEIS_NICHT_FREIGEGEBEN',
    });
  }
  const ergebnis = einstiegskursFoerderfaehig({ eintritt, staatsangehoerigkeit: nachweis.staatsangehoerigkeit, aufenthaltsart: periodOn(nachweis.verlauf, eintritt)?.art ?? null });
  if (!ergebnis.foerderfaehig) {
    throw domainError(ErrorCode.BAD_USER_INPUT, `no entry course under § 421 SGB III: ${ergebnis.grund}`, { grund: ergebnis.grund, field: 'eingabe.art' });
  }
}

/** Records a course; the same kind with the same first day again answers the stored one. */
export async function sprachkursErfassen(context: Context, fallId: string, eingabe: SprachkursEingabe): Promise<SprachkursRow> {
  authorise(context.access.caller, FALL_BEARBEITEN, 'record language courses');
  pruefeZeitraum(eingabe.beginn, eingabe.ende);
  if (eingabe.status === 'ANGEMELDET' && eingabe.ende != null) throw badUserInput('a course not yet begun has no last day', 'eingabe.ende');
  if (eingabe.art === 'EINSTIEGSKURS_421') {
    // Asked before the transaction: no row stays locked while the partner answers.
    const fall = isUuid(fallId) ? await context.loaders.fall.load(fallId) : null;
    if (fall) await pruefeEinstiegskurs(context, fall.personId, eingabe.beginn);
  }
  return context.db.transaction().execute(async (trx) => {
    const fall = await aktiverFallGesperrt(trx, fallId);
    if (eingabe.beginn < fall.eroeffnetAm) throw badUserInput(`eingabe.beginn lies before the case was opened on ${fall.eroeffnetAm}`, 'eingabe.beginn');
    const stored = await findSprachkurs(trx, fall.id, eingabe.art, eingabe.beginn);
    if (stored) return stored;
    return insertSprachkurs(trx, {
      fallId: fall.id,
      art: eingabe.art,
      niveau: eingabe.niveau,
      beginn: eingabe.beginn,
      ende: eingabe.ende ?? null,
      status: eingabe.status,
      erfasstVon: context.access.caller.userId,
    });
  });
}

/** Moves a course on; its case must still be active. */
export async function sprachkursStatusSetzen(context: Context, args: { sprachkursId: string; status: SprachkursStatus; ende?: string | null }): Promise<SprachkursRow> {
  authorise(context.access.caller, FALL_BEARBEITEN, 'update language courses');
  if (!isUuid(args.sprachkursId)) throw notFound('Sprachkurs', args.sprachkursId);
  return context.db.transaction().execute(async (trx) => {
    const kurs = await findSprachkursById(trx, args.sprachkursId);
    if (!kurs) throw notFound('Sprachkurs', args.sprachkursId);
    const fall = await aktiverFallGesperrt(trx, kurs.fallId);
    const ende = args.ende ?? null;
    const beendet = args.status === 'ABGESCHLOSSEN' || args.status === 'ABGEBROCHEN';
    if (beendet && ende === null) throw badUserInput('a finished or dropped course needs its last day', 'ende');
    if (!beendet && ende !== null) throw badUserInput('only a finished or dropped course has a last day', 'ende');
    if (ende !== null) {
      pruefeZeitraum(kurs.beginn, ende, 'ende');
      imFallZeitraum(fall, ende, context.today, 'ende');
    }
    return updateSprachkursStatus(trx, kurs.id, args.status, ende);
  });
}
