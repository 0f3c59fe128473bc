import type { IsoDate } from '@ip/kit';
import { addMonths } from '@ip/kit/calendar';

/** The Ausländerbehörde's answer; NICHT_ABGEBILDET: its rules do not model the residence title. */
export type Erlaubnis =
  | 'VERBOTEN'
  | 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG'
  | 'ZUSTIMMUNG_BA_OHNE_VORRANGPRUEFUNG'
  | 'OHNE_ZUSTIMMUNG_BA'
  | 'KRAFT_GESETZES'
  | 'NICHT_ABGEBILDET';

/**
 * How far ahead "for the foreseeable future" looks (Rahmenkonzept §3: excluded is who faces a deportation
 * order or a "längerfristig verfügtes Beschäftigungsverbot"). Six months, because the bans that end by law
 * on a known day are no exclusion: the 3-month wait (§ 61 Abs. 2 S. 1 AsylG, § 32 Abs. 1 BeschV) and the
 * ban while obliged to live in a reception centre (§ 61 Abs. 1 AsylG), whose obligation § 47 Abs. 1 AsylG
 * bounds at six months from 24 Oct 2015 (three before). The seed wants exactly these people reached early
 * (competence assessment already in the reception centre). A ban with no end in sight, or a longer one, is.
 */
const HORIZONT_MONATE = 6;

/** Outreach leaves out persons whose access to work is excluded: banned, and not changing within the horizon. */
export function arbeitsmarktzugangAusgeschlossen(
  zugang: { readonly erlaubnis: Erlaubnis; readonly naechsteAenderungAm: IsoDate | null },
  stichtag: IsoDate,
  horizontMonate = HORIZONT_MONATE,
): boolean {
  if (zugang.erlaubnis !== 'VERBOTEN') return false;
  return zugang.naechsteAenderungAm === null || zugang.naechsteAenderungAm > addMonths(stichtag, horizontMonate);
}
