import type { IsoDate } from '@ip/kit';

export type SprachkursStatus = 'ANGEMELDET' | 'LAUFEND' | 'ABGESCHLOSSEN' | 'ABGEBROCHEN';

/** A participation only moves forward: registered, running, then finished or dropped (also before it began). */
const NAECHSTE: Readonly<Record<SprachkursStatus, readonly SprachkursStatus[]>> = {
  ANGEMELDET: ['LAUFEND', 'ABGEBROCHEN'],
  LAUFEND: ['ABGESCHLOSSEN', 'ABGEBROCHEN'],
  ABGESCHLOSSEN: [],
  ABGEBROCHEN: [],
};

export function statuswechselErlaubt(von: SprachkursStatus, nach: SprachkursStatus): boolean {
  return NAECHSTE[von].includes(nach);
}

export type KursdatenFehler = { readonly field: 'beginn' | 'ende'; readonly meldung: string };

/**
 * What the status says about the days: only a finished or dropped participation has a last day, and that
 * day has passed; a running one has begun. A registration may lie ahead or be late. A participation dropped
 * before the course began has no last day.
 */
export function pruefeKursdaten(
  kurs: { status: SprachkursStatus; beginn: IsoDate; ende: IsoDate | null },
  heute: IsoDate,
): KursdatenFehler | null {
  const beendet = kurs.status === 'ABGESCHLOSSEN' || kurs.status === 'ABGEBROCHEN';
  const vorBeginnAbgebrochen = kurs.status === 'ABGEBROCHEN' && kurs.beginn > heute;
  if (kurs.ende !== null && kurs.ende < kurs.beginn)
    return { field: 'ende', meldung: `the last day lies before the first day ${kurs.beginn}` };
  if (vorBeginnAbgebrochen && kurs.ende !== null)
    return { field: 'ende', meldung: 'a course dropped before it began has no last day' };
  if (beendet && !vorBeginnAbgebrochen && kurs.ende === null)
    return { field: 'ende', meldung: 'a finished or dropped course needs its last day' };
  if (!beendet && kurs.ende !== null)
    return { field: 'ende', meldung: 'only a finished or dropped course has a last day' };
  if (kurs.ende !== null && kurs.ende > heute) return { field: 'ende', meldung: 'the last day lies in the future' };
  if (kurs.status !== 'ANGEMELDET' && !vorBeginnAbgebrochen && kurs.beginn > heute)
    return {
      field: 'beginn',
      meldung: `a course ${kurs.status.toLowerCase()} has begun; its first day lies in the future`,
    };
  return null;
}
