import { badUserInput, domainError, ErrorCode, isIsoDate, isUuid, notFound } from '@ip/kit';
import { authorise } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import { decideAntrag, findAntraegeByIds, insertKinder } from '../db/kindergeld.repository.ts';
import type { KindergeldAntragRow } from '../db/tables.ts';
import { kalender } from './kalender.ts';
import { ANTRAG_BEARBEITEN } from './permissions.ts';

export interface BescheidEingabe {
  readonly antragId: string;
  readonly beschiedenAm: string;
  readonly ergebnis: 'BEWILLIGT' | 'ABGELEHNT';
  readonly monatsbetrag?: number | null;
  readonly ablehnungsgrund?: string | null;
  readonly kinder?: readonly { readonly personId?: string | null; readonly vorname: string; readonly nachname: string; readonly geburtsdatum: string }[] | null;
}

function validate(eingabe: BescheidEingabe, antrag: KindergeldAntragRow, today: string): void {
  if (eingabe.beschiedenAm < antrag.eingangAm) throw badUserInput(`the decision cannot precede the receipt on ${antrag.eingangAm}`, 'beschiedenAm');
  if (eingabe.beschiedenAm > today) throw badUserInput('a decision cannot be dated in the future', 'beschiedenAm');
  if (eingabe.ergebnis === 'BEWILLIGT') {
    if (!(eingabe.monatsbetrag && eingabe.monatsbetrag > 0)) throw badUserInput('a grant needs the monthly amount', 'monatsbetrag');
    if (!eingabe.kinder?.length) throw badUserInput('a grant names the children it is for', 'kinder');
    if (eingabe.ablehnungsgrund) throw badUserInput('a grant has no reason for refusal', 'ablehnungsgrund');
  } else {
    if (!eingabe.ablehnungsgrund?.trim()) throw badUserInput('a refusal needs its reason', 'ablehnungsgrund');
    if (eingabe.monatsbetrag != null) throw badUserInput('a refusal grants no amount', 'monatsbetrag');
  }
  for (const kind of eingabe.kinder ?? []) {
    if (!isIsoDate(kind.geburtsdatum) || kind.geburtsdatum > eingabe.beschiedenAm) throw badUserInput('a child\'s birth date must be a past day', 'kinder');
    if (kind.personId != null && !isUuid(kind.personId)) throw badUserInput('a child\'s personId must be a person reference (UUID)', 'kinder');
  }
}

const sameDecision = (antrag: KindergeldAntragRow, eingabe: BescheidEingabe) =>
  antrag.beschiedenAm === eingabe.beschiedenAm && antrag.ergebnis === eingabe.ergebnis && antrag.monatsbetrag === (eingabe.monatsbetrag ?? null);

/** Decides an application; the same decision again (a retry) answers it unchanged, another is refused. */
export async function antragBescheiden(context: Context, eingabe: BescheidEingabe): Promise<KindergeldAntragRow> {
  authorise(context.access.caller, ANTRAG_BEARBEITEN, 'decide Kindergeld applications');
  if (!isUuid(eingabe.antragId)) throw notFound('KindergeldAntrag', eingabe.antragId);
  return context.db.transaction().execute(async (trx) => {
    const [antrag] = await findAntraegeByIds(trx, [eingabe.antragId]);
    if (!antrag) throw notFound('KindergeldAntrag', eingabe.antragId);
    if (antrag.beschiedenAm !== null) {
      if (sameDecision(antrag, eingabe)) return antrag;
      throw domainError(ErrorCode.BAD_USER_INPUT, `the application was already decided on ${antrag.beschiedenAm}`, { grund: 'BEREITS_BESCHIEDEN' });
    }
    validate(eingabe, antrag, context.today);
    const decided = await decideAntrag(trx, antrag.id, {
      beschiedenAm: eingabe.beschiedenAm,
      ergebnis: eingabe.ergebnis,
      monatsbetrag: eingabe.ergebnis === 'BEWILLIGT' ? eingabe.monatsbetrag! : null,
      ablehnungsgrund: eingabe.ergebnis === 'ABGELEHNT' ? eingabe.ablehnungsgrund!.trim() : null,
      bearbeitungsarbeitstage: kalender.arbeitstageZwischen(antrag.eingangAm, eingabe.beschiedenAm),
    });
    if (!decided) throw domainError(ErrorCode.BAD_USER_INPUT, 'the application was decided meanwhile', { grund: 'BEREITS_BESCHIEDEN' });
    await insertKinder(
      trx,
      antrag.id,
      (eingabe.kinder ?? []).map((kind) => ({ personId: kind.personId ?? null, vorname: kind.vorname, nachname: kind.nachname, geburtsdatum: kind.geburtsdatum })),
    );
    return decided;
  });
}
