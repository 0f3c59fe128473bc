import { badUserInput, euroInCent, isIsoDate, isUuid, notFound } from '@ip/kit';
import { authorise } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import { decideAntrag, findAntraegeByIds, insertKinder } from '../db/kindergeld.repository.ts';
import type { KindergeldAntragRow } from '../db/tables.ts';
import { pruefeBerechtigung, type VorgelegterTitel } from '../domain/berechtigung.ts';
import { kindergeldsatz } from '../domain/kindergeldsatz.ts';
import { istSteuerId, steuerIdPflicht } from '../domain/steuer-id.ts';
import { ANTRAG_BEARBEITEN } from './permissions.ts';
import { refuse } from '../errors.ts';

export interface KindEingabe {
  readonly personId?: string | null;
  readonly vorname: string;
  readonly nachname: string;
  readonly geburtsdatum: string;
  readonly ordnungszahl?: number | null;
  readonly steuerId?: string | null;
}

export interface BescheidEingabe {
  readonly antragId: string;
  readonly beschiedenAm: string;
  readonly ergebnis: 'BEWILLIGT' | 'ABGELEHNT';
  readonly bewilligtAb?: string | null;
  readonly monatsbetrag?: number | null;
  readonly aufenthaltstitel?: VorgelegterTitel | null;
  readonly ablehnungsgrund?: string | null;
  readonly kinder?: readonly KindEingabe[] | null;
  readonly steuerId?: string | null;
}

/** A free amount may only confirm the table: one child's 4th-rank amount times 30 children bounds it. */
const MONATSBETRAG = { min: 1, max: 999_999 } as const;

interface Grant {
  readonly bewilligtAb: string;
  readonly monatsbetrag: number;
  readonly regel: string;
}

/** The first month granted: its first day; by default the month of receipt. */
const ersterDesMonats = (tag: string) => `${tag.slice(0, 7)}-01`;

const pruefeSteuerId = (steuerId: string | null | undefined, field: string): void => {
  if (steuerId != null && !istSteuerId(steuerId))
    throw badUserInput(
      `${field} is not a tax identification number (11 digits, the last a MOD 11,10 check digit)`,
      field,
    );
};

function validateKinder(eingabe: BescheidEingabe): void {
  pruefeSteuerId(eingabe.steuerId, 'steuerId');
  for (const [index, kind] of (eingabe.kinder ?? []).entries()) {
    pruefeSteuerId(kind.steuerId, `kinder[${index}].steuerId`);
    if (!isIsoDate(kind.geburtsdatum) || kind.geburtsdatum > eingabe.beschiedenAm)
      throw badUserInput("a child's birth date must be a past day", `kinder[${index}].geburtsdatum`);
    if (kind.personId != null && !isUuid(kind.personId))
      throw badUserInput("a child's personId must be a person reference (UUID)", `kinder[${index}].personId`);
  }
}

/**
 * A grant's amount is the statutory table's for its first month (§ 66 Abs. 1 EStG), summed over the
 * children by their place in the order; the applicant's document must entitle to Kindergeld (§ 62 Abs. 2 EStG).
 */
function grant(eingabe: BescheidEingabe, antrag: KindergeldAntragRow): Grant {
  // A malformed amount (0.001, 1e308) is refused as such before anything else is judged.
  const angegebenCent =
    eingabe.monatsbetrag == null ? null : euroInCent(eingabe.monatsbetrag, 'monatsbetrag', MONATSBETRAG);
  const kinder = eingabe.kinder ?? [];
  if (kinder.length === 0) throw badUserInput('a grant names the children it is for', 'kinder');
  if (eingabe.ablehnungsgrund) throw badUserInput('a grant has no reason for refusal', 'ablehnungsgrund');
  const bewilligtAb = ersterDesMonats(eingabe.bewilligtAb ?? antrag.eingangAm);
  if (bewilligtAb > eingabe.beschiedenAm)
    throw badUserInput('a grant cannot begin after the month of the decision', 'bewilligtAb');
  if (steuerIdPflicht(eingabe.beschiedenAm, bewilligtAb)) {
    const grund = 'is required for Kindergeld from January 2016';
    if (!eingabe.steuerId)
      throw badUserInput(`the applicant's tax identification number ${grund} (§ 62 Abs. 1 S. 2 EStG)`, 'steuerId');
    const ohne = kinder.findIndex((kind) => !kind.steuerId);
    if (ohne >= 0)
      throw badUserInput(
        `the child's tax identification number ${grund} (§ 63 Abs. 1 S. 3 EStG)`,
        `kinder[${ohne}].steuerId`,
      );
  }
  const orders = new Set<number>();
  let cent = 0;
  for (const [index, kind] of kinder.entries()) {
    if (kind.ordnungszahl == null)
      throw badUserInput(
        "a granted child needs its place in the order of the parent's children (§ 66 Abs. 1 EStG)",
        `kinder[${index}].ordnungszahl`,
      );
    if (orders.has(kind.ordnungszahl))
      throw badUserInput('two children cannot hold the same place in the order', `kinder[${index}].ordnungszahl`);
    orders.add(kind.ordnungszahl);
    const satz = kindergeldsatz(bewilligtAb, kind.ordnungszahl);
    if ('fehler' in satz) {
      if (satz.fehler === 'ORDNUNGSZAHL_UNGUELTIG')
        throw badUserInput('the place in the order is a whole number from 1 to 30', `kinder[${index}].ordnungszahl`);
      throw badUserInput(`no statutory Kindergeld amount is recorded for ${bewilligtAb.slice(0, 7)}`, 'bewilligtAb');
    }
    cent += satz.betrag * 100;
  }
  if (angegebenCent != null && angegebenCent !== cent) {
    throw badUserInput(
      `the statutory amount for these children from ${bewilligtAb.slice(0, 7)} is ${cent / 100} EUR, not ${eingabe.monatsbetrag}`,
      'monatsbetrag',
    );
  }
  if (!eingabe.aufenthaltstitel)
    throw badUserInput(
      'a grant records the residence document the applicant presented (§ 62 Abs. 2 EStG)',
      'aufenthaltstitel',
    );
  const titel = eingabe.aufenthaltstitel;
  if (titel.gueltigBis != null && titel.gueltigBis < titel.gueltigAb)
    throw badUserInput('the document cannot expire before it is valid', 'aufenthaltstitel.gueltigBis');
  const berechtigung = pruefeBerechtigung(titel, bewilligtAb);
  if (berechtigung.ergebnis !== 'BERECHTIGT') {
    const was =
      berechtigung.ergebnis === 'AUSGESCHLOSSEN'
        ? 'the law excludes this grant'
        : 'the rules cannot decide this grant without';
    throw refuse(berechtigung.ergebnis, `${was}: ${berechtigung.regel}`, {
      field: berechtigung.field,
      regel: berechtigung.regel,
    });
  }
  return { bewilligtAb, monatsbetrag: cent / 100, regel: berechtigung.regel };
}

function validate(eingabe: BescheidEingabe, antrag: KindergeldAntragRow, today: string): Grant | null {
  if (eingabe.beschiedenAm < antrag.eingangAm)
    throw badUserInput(`the decision cannot precede the receipt on ${antrag.eingangAm}`, 'beschiedenAm');
  if (eingabe.beschiedenAm > today) throw badUserInput('a decision cannot be dated in the future', 'beschiedenAm');
  validateKinder(eingabe);
  if (eingabe.ergebnis === 'BEWILLIGT') return grant(eingabe, antrag);
  if (!eingabe.ablehnungsgrund?.trim()) throw badUserInput('a refusal needs its reason', 'ablehnungsgrund');
  if (eingabe.monatsbetrag != null) throw badUserInput('a refusal grants no amount', 'monatsbetrag');
  if (eingabe.bewilligtAb != null) throw badUserInput('a refusal grants no month', 'bewilligtAb');
  return null;
}

const sameDecision = (antrag: KindergeldAntragRow, eingabe: BescheidEingabe) =>
  antrag.beschiedenAm === eingabe.beschiedenAm &&
  antrag.ergebnis === eingabe.ergebnis &&
  (eingabe.monatsbetrag == null || antrag.monatsbetrag === eingabe.monatsbetrag) &&
  (eingabe.bewilligtAb == null || antrag.bewilligtAb === ersterDesMonats(eingabe.bewilligtAb));

/** Decides an application; the same decision again (a retry) answers it unchanged, another is refused. */
export async function antragBescheiden(context: Context, eingabe: BescheidEingabe): Promise<KindergeldAntragRow> {
  authorise(context.access.caller, ANTRAG_BEARBEITEN, 'decide Kindergeld applications');
  if (!isUuid(eingabe.antragId)) throw notFound('KindergeldAntrag', eingabe.antragId);
  return context.db.transaction().execute(async (trx) => {
    const [antrag] = await findAntraegeByIds(trx, [eingabe.antragId]);
    if (!antrag) throw notFound('KindergeldAntrag', eingabe.antragId);
    if (antrag.beschiedenAm !== null) {
      if (sameDecision(antrag, eingabe)) return antrag;
      throw refuse('BEREITS_BESCHIEDEN', `the application was already decided on ${antrag.beschiedenAm}`);
    }
    const bewilligung = validate(eingabe, antrag, context.today);
    const titel = bewilligung ? eingabe.aufenthaltstitel! : null;
    const decided = await decideAntrag(trx, antrag.id, {
      beschiedenAm: eingabe.beschiedenAm,
      ergebnis: eingabe.ergebnis,
      monatsbetrag: bewilligung?.monatsbetrag ?? null,
      bewilligtAb: bewilligung?.bewilligtAb ?? null,
      titelArt: titel?.art ?? null,
      titelRechtsgrundlage: titel?.rechtsgrundlage?.trim() || null,
      titelGueltigAb: titel?.gueltigAb ?? null,
      titelGueltigBis: titel?.gueltigBis ?? null,
      berechtigungRegel: bewilligung?.regel ?? null,
      steuerId: eingabe.steuerId ?? null,
      ablehnungsgrund: eingabe.ergebnis === 'ABGELEHNT' ? eingabe.ablehnungsgrund!.trim() : null,
      bearbeitungsarbeitstage: context.kalender.arbeitstageZwischen(antrag.eingangAm, eingabe.beschiedenAm),
    });
    if (!decided) throw refuse('BEREITS_BESCHIEDEN', 'the application was decided meanwhile');
    await insertKinder(
      trx,
      antrag.id,
      (eingabe.kinder ?? []).map((kind) => ({
        personId: kind.personId ?? null,
        vorname: kind.vorname,
        nachname: kind.nachname,
        geburtsdatum: kind.geburtsdatum,
        ordnungszahl: kind.ordnungszahl ?? null,
        steuerId: kind.steuerId ?? null,
      })),
    );
    return decided;
  });
}
