import type { IsoDate } from '@ip/kit';
import { periodOn } from '@ip/kit/calendar';

export type Rechtskreis = 'SGB_II' | 'SGB_III' | 'ASYLBLG' | 'KEINER';

export interface StatusPeriode {
  readonly art: 'AUFENTHALTSGESTATTUNG' | 'DULDUNG' | 'AUFENTHALTSERLAUBNIS' | 'NIEDERLASSUNGSERLAUBNIS';
  readonly gueltigAb: IsoDate;
  readonly gueltigBis: IsoDate | null;
  /** Its paragraph, e.g. "§ 25 Abs. 5 AufenthG". */
  readonly rechtsgrundlage: string;
}

/** One of the Sozialamt's AsylbLG benefit periods, as it releases them to the Jobcenter (through `@requires`). */
export interface AsylblgZeitraum {
  readonly ab: IsoDate;
  /** null while it runs on. */
  readonly bis: IsoDate | null;
}

export interface RechtskreisFakten {
  /** The Ausländerbehörde's status periods (through `@requires`). */
  readonly verlauf: readonly StatusPeriode[];
  /** The Jobcenter's granted SGB II periods for the person's Bedarfsgemeinschaft. */
  readonly bewilligungen: readonly { readonly ab: IsoDate; readonly bis: IsoDate }[];
  /** SGB II from this day, as the Jobcenter recorded the change of legal sphere. */
  readonly sgb2Ab: IsoDate | null;
  /** The Sozialamt's benefit periods (through `@requires`); null where it did not release them to this caller. */
  readonly asylbewerberleistungen: readonly AsylblgZeitraum[] | null;
}

/**
 * Residence permits whose holders are entitled under the AsylbLG, not SGB II: § 1 Abs. 1 Nr. 3 AsylbLG in the
 * version of the Gesetz vom 10.12.2014 (BGBl. I S. 2187), in force from 01.03.2015 — § 23 Abs. 1 or § 24
 * "wegen des Krieges in ihrem Heimatland", § 25 Abs. 4 S. 1, § 25 Abs. 5 AufenthG; § 7 Abs. 1 S. 2 Nr. 3
 * SGB II excludes them from SGB II. The paragraph alone cannot tell the war ground of § 23 Abs. 1 nor the 18
 * months of § 25 Abs. 5 (Nr. 3 Buchst. c): both are taken as met, and docs/jobcenter.md says so. "§ 25 Abs. 4"
 * without its sentence is not taken as S. 1.
 */
const ASYLBLG_TITEL = [/^§ 23 Abs\. 1\b/, /^§ 24\b/, /^§ 25 Abs\. 4 S\. 1\b/, /^§ 25 Abs\. 5\b/];

export function asylblgTitel(rechtsgrundlage: string): boolean {
  const normalised = rechtsgrundlage.trim().replace(/\s+/g, ' ').replace(/Satz/g, 'S.');
  return /AufenthG$/.test(normalised) && ASYLBLG_TITEL.some((pattern) => pattern.test(normalised));
}

/** Whether the Sozialamt pays AsylbLG benefits on the day, by its own periods. */
function asylblgAm(zeitraeume: readonly AsylblgZeitraum[], tag: IsoDate): boolean {
  return zeitraeume.some((zeitraum) => zeitraum.ab <= tag && (zeitraum.bis === null || tag <= zeitraum.bis));
}

/**
 * The legal sphere on a day: SGB II once the Jobcenter grants or has taken the person over; SGB III
 * (Agentur für Arbeit) while the person is in the asylum procedure or tolerated; AsylbLG while the Sozialamt
 * pays on a residence permit — to the end of the month of recognition (§ 1 Abs. 3 AsylbLG), by its real last
 * day instead of a guess — or for a permit § 1 Abs. 1 Nr. 3 AsylbLG names; otherwise none yet: a recognised
 * person without SGB II or AsylbLG is exactly the gap the Rahmenkonzept warns of. Null when only the Sozialamt's
 * periods could decide and it did not release them: the caller learns that, not a guess.
 */
export function bestimmeRechtskreis(fakten: RechtskreisFakten, stichtag: IsoDate): Rechtskreis | null {
  if (fakten.bewilligungen.some((periode) => periode.ab <= stichtag && stichtag <= periode.bis)) return 'SGB_II';
  if (fakten.sgb2Ab !== null && fakten.sgb2Ab <= stichtag) return 'SGB_II';
  const status = periodOn(fakten.verlauf, stichtag);
  if (status && (status.art === 'AUFENTHALTSGESTATTUNG' || status.art === 'DULDUNG')) return 'SGB_III';
  if (status && status.art === 'AUFENTHALTSERLAUBNIS' && asylblgTitel(status.rechtsgrundlage)) return 'ASYLBLG';
  if (fakten.asylbewerberleistungen === null) return null;
  return asylblgAm(fakten.asylbewerberleistungen, stichtag) ? 'ASYLBLG' : 'KEINER';
}
