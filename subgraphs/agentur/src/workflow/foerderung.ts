import { badUserInput, isUuid, notFound } from '@ip/kit';
import { periodOn } from '@ip/kit/calendar';
import { authorise } from '@ip/kit/identity';
import { inTransaction } from '@ip/kit/idempotency';
import type { Context } from '../context.ts';
import {
  ergaenzeKompetenzfeststellung,
  findKompetenzfeststellung,
  findSprachkurs,
  findSprachkursById,
  insertKompetenzfeststellung,
  insertSprachkurs,
  updateSprachkursStatus,
} from '../db/foerderung.repository.ts';
import type {
  EinstiegskursNachweis,
  FallRow,
  Instrument,
  KompetenzfeststellungRow,
  Sprachkursart,
  SprachkursRow,
  SprachkursStatus,
  Sprachniveau,
} from '../db/tables.ts';
import { einstiegskursFoerderfaehig, imEintrittszeitraum } from '../domain/einstiegskurs.ts';
import { pruefeKursdaten, statuswechselErlaubt } from '../domain/sprachkurs.ts';
import { statusNachweis } from '../graph/auslaenderbehoerde.ts';
import {
  aktiverFallGesperrt,
  fallFuerMassnahmeende,
  fallNichtAktiv,
  imFallZeitraum,
  nurMassnahmeende,
} from './fall-schreiben.ts';
import { FALL_BEARBEITEN } from './permissions.ts';
import { refuse } from '../errors.ts';

export interface KompetenzfeststellungEingabe {
  readonly instrument: Instrument;
  readonly beginn: string;
  readonly ende?: string | null;
  readonly ergebnis?: string | null;
}

function pruefeZeitraum(beginn: string, ende: string | null | undefined, field = 'eingabe.ende'): void {
  if (ende != null && ende < beginn) throw badUserInput(`${field} lies before the first day ${beginn}`, field);
}

const bereitsErfasst = (was: string, id: string, hinweis: string) =>
  refuse('BEREITS_ERFASST', `this ${was} is already recorded with other values; ${hinweis}`, { id });

/**
 * Records an instrument's use. The same instrument with the same first day again is the same use: it adds
 * a last day and a result not yet recorded (an assessment is often recorded when it begins and its result
 * later), answers the stored one unchanged on a retry, and never overwrites what was recorded. After a
 * change of legal sphere only a use begun before it may still be completed.
 */
export async function kompetenzfeststellungErfassen(
  context: Context,
  fallId: string,
  eingabe: KompetenzfeststellungEingabe,
): Promise<KompetenzfeststellungRow> {
  authorise(context.access.caller, FALL_BEARBEITEN, 'record competence assessments');
  pruefeZeitraum(eingabe.beginn, eingabe.ende);
  const ende = eingabe.ende ?? null;
  const ergebnis = eingabe.ergebnis?.trim() || null;
  return inTransaction(context.db, async (trx) => {
    const { fall, nachlauf } = await fallFuerMassnahmeende(trx, fallId);
    imFallZeitraum(fall, eingabe.beginn, context.today, 'eingabe.beginn');
    const stored = await findKompetenzfeststellung(trx, fall.id, eingabe.instrument, eingabe.beginn);
    if (nachlauf && (!stored || stored.beginn > fall.statusSeit)) throw nurMassnahmeende(fall);
    if (!stored) {
      return insertKompetenzfeststellung(trx, {
        fallId: fall.id,
        instrument: eingabe.instrument,
        beginn: eingabe.beginn,
        ende,
        ergebnis,
        erfasstVon: context.access.caller.userId,
      });
    }
    const widerspricht = (gespeichert: string | null, neu: string | null) =>
      gespeichert !== null && neu !== null && gespeichert !== neu;
    if (widerspricht(stored.ende, ende) || widerspricht(stored.ergebnis, ergebnis)) {
      throw bereitsErfasst('assessment', stored.id, 'recorded days and results are not overwritten');
    }
    const ergaenzung = { ende: stored.ende ?? ende, ergebnis: stored.ergebnis ?? ergebnis };
    if (ergaenzung.ende === stored.ende && ergaenzung.ergebnis === stored.ergebnis) return stored;
    return ergaenzeKompetenzfeststellung(trx, stored.id, ergaenzung);
  });
}

export interface SprachkursEingabe {
  readonly art: Sprachkursart;
  readonly niveau: Sprachniveau;
  readonly beginn: string;
  readonly ende?: string | null;
  readonly status: SprachkursStatus;
  readonly buemaVorgelegt?: boolean | null;
}

function pruefeDaten(
  kurs: { status: SprachkursStatus; beginn: string; ende: string | null },
  today: string,
  prefix: string,
): void {
  const fehler = pruefeKursdaten(kurs, today);
  if (fehler) throw badUserInput(fehler.meldung, `${prefix}${fehler.field}`);
}

/**
 * § 421 SGB III entry courses are checked against the law with the Ausländerbehörde's facts, asked for as
 * the caller: the Agentur keeps no copy of nationality or status.
 */
async function pruefeEinstiegskurs(
  context: Context,
  personId: string,
  eingabe: SprachkursEingabe,
): Promise<EinstiegskursNachweis> {
  const nachweis = await statusNachweis(context.auslaenderbehoerde, personId);
  if (!nachweis) {
    throw refuse(
      'NACHWEIS_NICHT_FREIGEGEBEN',
      'the Ausländerbehörde does not release nationality and status of this person to the Agentur, so § 421 SGB III cannot be checked',
    );
  }
  const ergebnis = einstiegskursFoerderfaehig({
    eintritt: eingabe.beginn,
    staatsangehoerigkeit: nachweis.staatsangehoerigkeit,
    aufenthaltsart: periodOn(nachweis.verlauf, eingabe.beginn)?.art ?? null,
    buemaVorgelegt: eingabe.buemaVorgelegt ?? false,
  });
  if (!ergebnis.foerderfaehig) {
    throw refuse(ergebnis.grund, `no entry course under § 421 SGB III: ${ergebnis.grund}`, { field: 'eingabe.art' });
  }
  return ergebnis.nachweis;
}

/** The case's side of a course: the case is active, the course begins in it, and one stored under its key is the same (a retry). */
function imFall(
  fall: FallRow,
  stored: SprachkursRow | undefined,
  eingabe: SprachkursEingabe,
  ende: string | null,
): SprachkursRow | null {
  if (fall.status !== 'AKTIV') throw fallNichtAktiv(fall);
  if (eingabe.beginn < fall.eroeffnetAm)
    throw badUserInput(`eingabe.beginn lies before the case was opened on ${fall.eroeffnetAm}`, 'eingabe.beginn');
  if (!stored) return null;
  if (stored.niveau === eingabe.niveau && stored.status === eingabe.status && stored.ende === ende) return stored;
  throw bereitsErfasst('course', stored.id, 'move it on with sprachkursStatusSetzen');
}

/**
 * Records a course; the same kind with the same first day again answers the stored one (a retry), and is
 * refused with other values: a course moves on through `sprachkursStatusSetzen`.
 */
export async function sprachkursErfassen(
  context: Context,
  fallId: string,
  eingabe: SprachkursEingabe,
): Promise<SprachkursRow> {
  authorise(context.access.caller, FALL_BEARBEITEN, 'record language courses');
  const ende = eingabe.ende ?? null;
  pruefeDaten({ status: eingabe.status, beginn: eingabe.beginn, ende }, context.today, 'eingabe.');
  const einstiegskurs = eingabe.art === 'EINSTIEGSKURS_421';
  if (!einstiegskurs && eingabe.buemaVorgelegt != null)
    throw badUserInput('a BüMA matters for § 421 entry courses only', 'eingabe.buemaVorgelegt');
  let nachweis: EinstiegskursNachweis | null = null;
  if (einstiegskurs) {
    if (!imEintrittszeitraum(eingabe.beginn)) {
      throw refuse(
        'EINTRITT_AUSSERHALB_ZEITRAUM',
        'no entry course under § 421 SGB III: EINTRITT_AUSSERHALB_ZEITRAUM',
        { field: 'eingabe.beginn' },
      );
    }
    // The partner is asked only for an entry the case takes, and before the transaction: no row stays locked while it answers.
    const fall = isUuid(fallId) ? await context.loaders.fall.load(fallId) : null;
    if (!fall) throw notFound('Fall', fallId);
    const vorhanden = imFall(
      fall,
      await findSprachkurs(context.db, fall.id, eingabe.art, eingabe.beginn),
      eingabe,
      ende,
    );
    if (vorhanden) return vorhanden;
    nachweis = await pruefeEinstiegskurs(context, fall.personId, eingabe);
  }
  return inTransaction(context.db, async (trx) => {
    const fall = await aktiverFallGesperrt(trx, fallId);
    const vorhanden = imFall(fall, await findSprachkurs(trx, fall.id, eingabe.art, eingabe.beginn), eingabe, ende);
    if (vorhanden) return vorhanden;
    return insertSprachkurs(trx, {
      fallId: fall.id,
      art: eingabe.art,
      niveau: eingabe.niveau,
      beginn: eingabe.beginn,
      ende,
      status: eingabe.status,
      nachweis,
      erfasstVon: context.access.caller.userId,
    });
  });
}

/**
 * Moves a course forward; its case must still be active, or have gone to the Jobcenter after the course
 * began (then only its end is recorded). The same move again answers the course unchanged.
 */
export async function sprachkursStatusSetzen(
  context: Context,
  args: { sprachkursId: string; status: SprachkursStatus; ende?: string | null },
): Promise<SprachkursRow> {
  authorise(context.access.caller, FALL_BEARBEITEN, 'update language courses');
  if (!isUuid(args.sprachkursId)) throw notFound('Sprachkurs', args.sprachkursId);
  const ende = args.ende ?? null;
  return context.db.transaction().execute(async (trx) => {
    const kurs = await findSprachkursById(trx, args.sprachkursId);
    if (!kurs) throw notFound('Sprachkurs', args.sprachkursId);
    const { fall, nachlauf } = await fallFuerMassnahmeende(trx, kurs.fallId);
    if (kurs.status === args.status && kurs.ende === ende) return kurs;
    const beendet = args.status === 'ABGESCHLOSSEN' || args.status === 'ABGEBROCHEN';
    if (nachlauf && !(kurs.status === 'LAUFEND' && beendet && kurs.beginn <= fall.statusSeit))
      throw nurMassnahmeende(fall);
    if (!statuswechselErlaubt(kurs.status, args.status)) {
      throw refuse('STATUSWECHSEL_UNZULAESSIG', `a course ${kurs.status} cannot become ${args.status}`, {
        field: 'status',
      });
    }
    pruefeDaten({ status: args.status, beginn: kurs.beginn, ende }, context.today, '');
    if (ende !== null) imFallZeitraum(fall, ende, context.today, 'ende');
    return updateSprachkursStatus(trx, kurs.id, args.status, ende);
  });
}
