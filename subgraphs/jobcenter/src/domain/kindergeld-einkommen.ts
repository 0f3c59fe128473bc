/** A Kindergeld application as the Familienkasse releases it to the Jobcenter (the fields it `@requires`). */
export interface KindergeldAntragSicht {
  readonly ergebnis: 'BEWILLIGT' | 'ABGELEHNT' | null;
  readonly monatsbetrag: number | null;
  readonly beschiedenAm: string | null;
}

export type EinkommenStatus = 'ANGERECHNET' | 'BEANTRAGT_NICHT_BESCHIEDEN' | 'ABGELEHNT' | 'KEIN_ANTRAG';

export interface KindergeldEinkommen {
  readonly status: EinkommenStatus;
  /** Kindergeld counted as income per month; null while nothing is decided, so nothing is silently 0. */
  readonly monatsbetrag: number | null;
  readonly hinweis: string;
}

/**
 * Kindergeld counts as income against SGB II (§ 11 Abs. 1 S. 5 SGB II). Only a decided grant counts; an
 * open application is stated as such, never counted as 0.
 */
export function kindergeldAlsEinkommen(antraege: readonly KindergeldAntragSicht[]): KindergeldEinkommen {
  const bewilligt = antraege.filter((antrag) => antrag.ergebnis === 'BEWILLIGT');
  if (bewilligt.length > 0) {
    const monatsbetrag = bewilligt.reduce((sum, antrag) => sum + (antrag.monatsbetrag ?? 0), 0);
    return { status: 'ANGERECHNET', monatsbetrag, hinweis: 'Bewilligtes Kindergeld wird als Einkommen der Kinder angerechnet (§ 11 Abs. 1 S. 5 SGB II).' };
  }
  if (antraege.some((antrag) => antrag.ergebnis === null)) {
    return { status: 'BEANTRAGT_NICHT_BESCHIEDEN', monatsbetrag: null, hinweis: 'Kindergeld ist beantragt, aber noch nicht beschieden: noch nicht anrechnen.' };
  }
  if (antraege.length > 0) return { status: 'ABGELEHNT', monatsbetrag: 0, hinweis: 'Kindergeld wurde abgelehnt: kein Einkommen.' };
  return { status: 'KEIN_ANTRAG', monatsbetrag: null, hinweis: 'Kein Kindergeldantrag bekannt: Anspruch prüfen und Antragspaket ausgeben.' };
}
