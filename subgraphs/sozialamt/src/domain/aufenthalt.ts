import type { IsoDate } from '@ip/kit';

/**
 * A residence status period as the Sozialamt reads it from the papers: it checks § 1 Abs. 1 AsylbLG itself,
 * from the document the person shows, and keeps its own copy — the Ausländerbehörde's record is not read here.
 */
export interface StatusPeriode {
  readonly art: 'AUFENTHALTSGESTATTUNG' | 'DULDUNG' | 'AUFENTHALTSERLAUBNIS' | 'NIEDERLASSUNGSERLAUBNIS';
  readonly gueltigAb: IsoDate;
  /** null while in force. */
  readonly gueltigBis: IsoDate | null;
  /** Its paragraph as written on the document, e.g. "§ 25 Abs. 5 AufenthG". */
  readonly rechtsgrundlage: string;
}

/** "Absatz 4 Satz 1" and "Abs. 4 S. 1" are the same paragraph; offices write both. */
export function normalisiereParagraph(rechtsgrundlage: string): string {
  return rechtsgrundlage
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/Absatz/g, 'Abs.')
    .replace(/Satz/g, 'S.');
}

/** The period in force on a day; of two that touch on the day the later recorded wins (a new paper replaces the old). */
export function statusAm(verlauf: readonly StatusPeriode[], tag: IsoDate): StatusPeriode | null {
  return (
    verlauf.findLast(
      (periode) => periode.gueltigAb <= tag && (periode.gueltigBis === null || tag <= periode.gueltigBis),
    ) ?? null
  );
}
