import { sql } from 'kysely';
import { badUserInput, isUuid, notFound } from '@ip/kit';
import { consentStatus, datenschutzDb, findConsentById } from '@ip/kit/consent';
import { authorise } from '@ip/kit/identity';
import { inTransaction } from '@ip/kit/idempotency';
import type { Context } from '../context.ts';
import {
  findAktiverFallByPerson,
  findKundennummern,
  findNewestFallByPersonIds,
  findUebergabenByFallIds,
  insertEreignisse,
  insertFall,
  insertUebergabe,
  lockFall,
  registerKundennummern,
  updateFall,
} from '../db/fall.repository.ts';
import { findFachkraefteByIds, insertRegelkunde, isRegelkunde } from '../db/stammdaten.repository.ts';
import type {
  AgenturDatabase,
  Abschlussgrund,
  FallRow,
  FallUebergabeRow,
  Uebergabeanlass,
  UebergabeArt,
  UebergabeForm,
  Zugangsweg,
} from '../db/tables.ts';
import { fallNichtAktiv, imFallZeitraum } from './fall-schreiben.ts';
import { BESTANDSKUNDE_UEBERNEHMEN, FALL_BEARBEITEN, FALL_EROEFFNEN } from './permissions.ts';
import { refuse } from '../errors.ts';

const KUNDENNUMMER = /^\d{3}[A-Z]\d{6}$/;

export interface FallEroeffnenEingabe {
  readonly personId: string;
  readonly kundennummer: string;
  readonly eroeffnetAm: string;
  readonly integrationsfachkraftId: string;
  readonly zugangsweg: Zugangsweg;
  readonly einwilligungId?: string | null;
  /** A team lead's reason to take in a customer of the regular organisation anyway. */
  readonly bestandskundeBegruendung?: string | null;
}

/** A number belongs to one person for good, and a person keeps the number it has. */
function pruefeKundennummer(
  registriert: readonly { kundennummer: string; personId: string }[],
  eingabe: FallEroeffnenEingabe,
): void {
  for (const eintrag of registriert) {
    if (eintrag.kundennummer === eingabe.kundennummer && eintrag.personId !== eingabe.personId) {
      throw refuse('KUNDENNUMMER_VERGEBEN', 'the customer number belongs to another person', {
        field: 'eingabe.kundennummer',
      });
    }
    if (eintrag.personId === eingabe.personId && eintrag.kundennummer !== eingabe.kundennummer) {
      throw refuse(
        'KUNDENNUMMER_DER_PERSON',
        `the person's customer number is ${eintrag.kundennummer}; a returning customer keeps it`,
        { field: 'eingabe.kundennummer' },
      );
    }
  }
}

/**
 * Opens a case at the intake. Existing customers of the regular organisation stay there by default: the
 * Rahmenkonzept (§3) says a transfer "wird nicht empfohlen", not that it is barred, so a team lead may take
 * one in with a reason the case keeps. A person has one active case; the same intake sent again (a retry)
 * answers the case it opened.
 */
export async function fallEroeffnen(context: Context, eingabe: FallEroeffnenEingabe): Promise<FallRow> {
  authorise(context.access.caller, FALL_EROEFFNEN, 'open Integration Point cases');
  if (!isUuid(eingabe.personId)) throw badUserInput('personId must be a person reference (UUID)', 'eingabe.personId');
  if (!KUNDENNUMMER.test(eingabe.kundennummer))
    throw badUserInput(
      'a customer number has 3 digits, a capital letter and 6 digits, e.g. 962D104857',
      'eingabe.kundennummer',
    );
  if (eingabe.eroeffnetAm > context.today)
    throw badUserInput('a case cannot be opened in the future', 'eingabe.eroeffnetAm');
  if (!isUuid(eingabe.integrationsfachkraftId))
    throw badUserInput('no such integration specialist', 'eingabe.integrationsfachkraftId');
  if (eingabe.einwilligungId != null && !isUuid(eingabe.einwilligungId))
    throw badUserInput('einwilligungId must be a declaration id (UUID)', 'eingabe.einwilligungId');
  const begruendung = eingabe.bestandskundeBegruendung?.trim() || null;
  if (eingabe.bestandskundeBegruendung != null && begruendung === null)
    throw badUserInput('give the reason in words, or leave it out', 'eingabe.bestandskundeBegruendung');
  const caller = context.access.caller;

  return inTransaction(context.db, async (trx) => {
    // Two desks taking in the same person at once must not both open a case: they wait for each other here.
    await sql`select pg_advisory_xact_lock(hashtextextended(${eingabe.personId}, 4711))`.execute(trx);
    const aktiv = await findAktiverFallByPerson(trx, eingabe.personId);
    if (aktiv) {
      if (aktiv.kundennummer === eingabe.kundennummer && aktiv.eroeffnetAm === eingabe.eroeffnetAm) return aktiv;
      throw refuse('FALL_BEREITS_AKTIV', `the person has an active Integration Point case since ${aktiv.eroeffnetAm}`, {
        fallId: aktiv.id,
      });
    }
    const bestandskunde = await isRegelkunde(trx, eingabe.personId);
    if (bestandskunde && (caller?.role !== BESTANDSKUNDE_UEBERNEHMEN || begruendung === null)) {
      throw refuse(
        'BESTANDSKUNDE',
        'the person is a customer of the regular organisation and is not moved into the Integration Point (Rahmenkonzept §3); only a team lead may, giving bestandskundeBegruendung',
      );
    }
    if (!bestandskunde && begruendung !== null) {
      throw badUserInput(
        'the person is no customer of the regular organisation: there is nothing to give a reason for',
        'eingabe.bestandskundeBegruendung',
      );
    }
    const [fachkraft] = await findFachkraefteByIds(trx, [eingabe.integrationsfachkraftId]);
    if (!fachkraft) throw badUserInput('no such integration specialist', 'eingabe.integrationsfachkraftId');
    // Registered first and read back committed: of two intakes with one number, the second sees the first's.
    await registerKundennummern(trx, [{ kundennummer: eingabe.kundennummer, personId: eingabe.personId }]);
    pruefeKundennummer(await findKundennummern(trx, eingabe.kundennummer, eingabe.personId), eingabe);
    const [frueher] = await findNewestFallByPersonIds(trx, [eingabe.personId]);
    if (frueher && eingabe.eroeffnetAm < frueher.statusSeit) {
      throw badUserInput(
        `the person's earlier case ended on ${frueher.statusSeit}; a new one cannot begin before that`,
        'eingabe.eroeffnetAm',
      );
    }
    if (eingabe.einwilligungId != null) {
      const erklaerung = await findConsentById(datenschutzDb<AgenturDatabase>(trx), eingabe.einwilligungId);
      if (!erklaerung || erklaerung.personId !== eingabe.personId) {
        throw refuse(
          'EINWILLIGUNG_UNBEKANNT',
          'the declaration is not recorded at the Agentur for this person; record it first',
          { field: 'eingabe.einwilligungId' },
        );
      }
      // In force on the intake day, and not withdrawn since.
      if (consentStatus(erklaerung, eingabe.eroeffnetAm) !== 'WIRKSAM' || erklaerung.withdrawnOn !== null) {
        throw refuse(
          'EINWILLIGUNG_NICHT_WIRKSAM',
          'the declaration was not in force on the intake day, or has been withdrawn',
          { field: 'eingabe.einwilligungId' },
        );
      }
    }
    const fall = await insertFall(trx, {
      personId: eingabe.personId,
      kundennummer: eingabe.kundennummer,
      eroeffnetAm: eingabe.eroeffnetAm,
      status: 'AKTIV',
      statusSeit: eingabe.eroeffnetAm,
      integrationsfachkraftId: fachkraft.id,
      zugangsweg: eingabe.zugangsweg,
      einwilligungId: eingabe.einwilligungId ?? null,
      bestandskundeBegruendung: begruendung,
      bestandskundeZugelassenVon: begruendung === null ? null : caller.userId,
    });
    const weg = eingabe.zugangsweg === 'INITIATIVANSPRACHE' ? 'nach Initiativansprache' : 'im freien Zugang';
    const uebernahme =
      begruendung === null
        ? ''
        : `; Kunde der Regelorganisation, übernommen von der Teamleitung (${caller.userId}): ${begruendung}`;
    await insertEreignisse(trx, [
      { fallId: fall.id, am: fall.eroeffnetAm, art: 'EROEFFNET', notiz: `Eingangszone, ${weg}${uebernahme}` },
    ]);
    return fall;
  });
}

export interface UebergabeEingabe {
  readonly art: UebergabeArt;
  readonly anlass: Uebergabeanlass;
  readonly am: string;
  readonly uebernehmendeStelle: string;
  readonly uebernehmendeFachkraft?: string | null;
  readonly form?: UebergabeForm | null;
  readonly kundeAnwesend?: boolean | null;
  readonly notiz?: string | null;
}

function pruefeUebergabe(eingabe: UebergabeEingabe): void {
  if (!eingabe.uebernehmendeStelle.trim())
    throw badUserInput('name the team or office that takes the case over', 'uebergabe.uebernehmendeStelle');
  const warm = {
    uebernehmendeFachkraft: eingabe.uebernehmendeFachkraft?.trim() || null,
    form: eingabe.form ?? null,
    kundeAnwesend: eingabe.kundeAnwesend ?? null,
  };
  for (const [field, value] of Object.entries(warm)) {
    if (eingabe.art === 'WARM' && value === null)
      throw badUserInput(`a warm hand-over records ${field}`, `uebergabe.${field}`);
    if (eingabe.art === 'REGULAER' && value !== null)
      throw badUserInput(`${field} belongs to a warm hand-over`, `uebergabe.${field}`);
  }
}

const sameUebergabe = (stored: FallUebergabeRow, eingabe: UebergabeEingabe) =>
  stored.art === eingabe.art &&
  stored.anlass === eingabe.anlass &&
  stored.am === eingabe.am &&
  stored.uebernehmendeStelle === eingabe.uebernehmendeStelle.trim();

/**
 * Hands a case over out of the Integration Point (Rahmenkonzept §6). Unless the Jobcenter takes over after
 * recognition, the person is a customer of the regular organisation from then on, and a later intake
 * refuses them. The case is read-only afterwards; the same hand-over again answers it unchanged.
 */
export async function fallUebergeben(context: Context, fallId: string, eingabe: UebergabeEingabe): Promise<FallRow> {
  authorise(context.access.caller, FALL_BEARBEITEN, 'hand cases over');
  pruefeUebergabe(eingabe);
  return context.db.transaction().execute(async (trx) => {
    if (!isUuid(fallId)) throw notFound('Fall', fallId);
    const stored = await lockFall(trx, fallId);
    if (!stored) throw notFound('Fall', fallId);
    if (stored.status === 'UEBERGEBEN') {
      const [uebergabe] = await findUebergabenByFallIds(trx, [fallId]);
      if (uebergabe && sameUebergabe(uebergabe, eingabe)) return stored;
    }
    if (stored.status !== 'AKTIV') throw fallNichtAktiv(stored);
    const fall = stored;
    imFallZeitraum(fall, eingabe.am, context.today, 'uebergabe.am');
    await insertUebergabe(trx, {
      fallId,
      art: eingabe.art,
      anlass: eingabe.anlass,
      am: eingabe.am,
      uebernehmendeStelle: eingabe.uebernehmendeStelle.trim(),
      uebernehmendeFachkraft: eingabe.uebernehmendeFachkraft?.trim() || null,
      form: eingabe.form ?? null,
      kundeAnwesend: eingabe.kundeAnwesend ?? null,
      notiz: eingabe.notiz?.trim() || null,
      erfasstVon: context.access.caller.userId,
    });
    await insertEreignisse(trx, [
      {
        fallId,
        am: eingabe.am,
        art: 'UEBERGEBEN',
        notiz: `${eingabe.art === 'WARM' ? 'Warme Übergabe' : 'Übergabe'} an ${eingabe.uebernehmendeStelle.trim()}`,
      },
    ]);
    if (eingabe.anlass !== 'RECHTSKREISWECHSEL')
      await insertRegelkunde(trx, { personId: fall.personId, kundennummer: fall.kundennummer, seit: eingabe.am });
    return updateFall(trx, fallId, { status: 'UEBERGEBEN', statusSeit: eingabe.am });
  });
}

/** Closes an active case; the same closing again answers it unchanged. */
export async function fallAbschliessen(
  context: Context,
  args: { fallId: string; am: string; grund: Abschlussgrund; notiz?: string | null },
): Promise<FallRow> {
  authorise(context.access.caller, FALL_BEARBEITEN, 'close cases');
  return context.db.transaction().execute(async (trx) => {
    if (!isUuid(args.fallId)) throw notFound('Fall', args.fallId);
    const stored = await lockFall(trx, args.fallId);
    if (!stored) throw notFound('Fall', args.fallId);
    if (stored.status === 'ABGESCHLOSSEN' && stored.statusSeit === args.am && stored.abschlussgrund === args.grund)
      return stored;
    if (stored.status !== 'AKTIV') throw fallNichtAktiv(stored);
    imFallZeitraum(stored, args.am, context.today, 'am');
    await insertEreignisse(trx, [
      { fallId: stored.id, am: args.am, art: 'ABGESCHLOSSEN', notiz: args.notiz?.trim() || null },
    ]);
    return updateFall(trx, stored.id, { status: 'ABGESCHLOSSEN', statusSeit: args.am, abschlussgrund: args.grund });
  });
}
