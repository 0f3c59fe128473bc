import type { IsoDate } from '@ip/kit';
import type { Arbeitskalender } from '@ip/kit/calendar';

/** The Familienkassen in NRW decide refugees' applications within this many working days (Rahmenkonzept § 5). */
const FRIST_ARBEITSTAGE = 10;
/** Open with at most this many working days left counts as due soon. */
const BALD_FAELLIG_ARBEITSTAGE = 2;

export type SlaStatus = 'OFFEN' | 'FAELLIG_BALD' | 'UEBERFAELLIG' | 'EINGEHALTEN' | 'VERFEHLT';

/** Due date: the 10th working day after receipt, the day of receipt not counted. */
export function faelligAm(kalender: Arbeitskalender, eingangAm: IsoDate): IsoDate {
  return kalender.nachArbeitstagen(eingangAm, FRIST_ARBEITSTAGE);
}

export interface SlaAntrag {
  readonly eingangAm: IsoDate;
  readonly faelligAm: IsoDate;
  readonly beschiedenAm: IsoDate | null;
}

/**
 * The state of the promise as it stood on `stichtag`: a decision after the Stichtag does not count yet,
 * so a report for a past day reads the same tomorrow as today.
 */
export function slaStatus(kalender: Arbeitskalender, antrag: SlaAntrag, stichtag: IsoDate): SlaStatus {
  if (antrag.beschiedenAm !== null && antrag.beschiedenAm <= stichtag) {
    return antrag.beschiedenAm <= antrag.faelligAm ? 'EINGEHALTEN' : 'VERFEHLT';
  }
  if (stichtag > antrag.faelligAm) return 'UEBERFAELLIG';
  return kalender.arbeitstageZwischen(stichtag, antrag.faelligAm) <= BALD_FAELLIG_ARBEITSTAGE
    ? 'FAELLIG_BALD'
    : 'OFFEN';
}

/** Working days the application has been with the Familienkasse on `stichtag` (or until its decision). */
export function arbeitstageBisher(kalender: Arbeitskalender, antrag: SlaAntrag, stichtag: IsoDate): number {
  const ende = antrag.beschiedenAm !== null && antrag.beschiedenAm <= stichtag ? antrag.beschiedenAm : stichtag;
  return kalender.arbeitstageZwischen(antrag.eingangAm, ende);
}
