import type { IsoDate } from '@ip/kit';
import { addMonths } from '@ip/kit/calendar';

export type Erlaubnis = 'VERBOTEN' | 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG' | 'ZUSTIMMUNG_BA_OHNE_VORRANGPRUEFUNG' | 'OHNE_ZUSTIMMUNG_BA' | 'KRAFT_GESETZES';

/**
 * How far ahead "for the foreseeable future" looks (Rahmenkonzept §3): the waiting period of § 61 AsylG is
 * 3 months, so a wait is never an exclusion, while a ban with no end in sight or a longer one is.
 */
export const HORIZONT_MONATE = 3;

/** Outreach leaves out persons whose access to work is excluded: banned, and not changing within the horizon. */
export function arbeitsmarktzugangAusgeschlossen(
  zugang: { readonly erlaubnis: Erlaubnis; readonly naechsteAenderungAm: IsoDate | null },
  stichtag: IsoDate,
  horizontMonate = HORIZONT_MONATE,
): boolean {
  if (zugang.erlaubnis !== 'VERBOTEN') return false;
  return zugang.naechsteAenderungAm === null || zugang.naechsteAenderungAm > addMonths(stichtag, horizontMonate);
}
