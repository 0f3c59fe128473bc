import type { IsoDate } from '@ip/kit';
import { periodOn } from '@ip/kit/calendar';

export type Rechtskreis = 'SGB_II' | 'SGB_III' | 'KEINER';

export interface StatusPeriode {
  readonly art: 'AUFENTHALTSGESTATTUNG' | 'DULDUNG' | 'AUFENTHALTSERLAUBNIS' | 'NIEDERLASSUNGSERLAUBNIS';
  readonly gueltigAb: IsoDate;
  readonly gueltigBis: IsoDate | null;
}

export interface RechtskreisFakten {
  /** The Ausländerbehörde's status periods (through `@requires`). */
  readonly verlauf: readonly StatusPeriode[];
  /** The Jobcenter's granted SGB II periods for the person's Bedarfsgemeinschaft. */
  readonly bewilligungen: readonly { readonly ab: IsoDate; readonly bis: IsoDate }[];
  /** SGB II from this day, as the Jobcenter recorded the change of legal sphere. */
  readonly sgb2Ab: IsoDate | null;
}

/**
 * The legal sphere on a day: SGB II once the Jobcenter grants or has taken the person over; SGB III
 * (Agentur für Arbeit) while the person is in the asylum procedure or tolerated; otherwise none yet — a
 * recognised person without SGB II is exactly the gap the Rahmenkonzept warns of.
 */
export function bestimmeRechtskreis(fakten: RechtskreisFakten, stichtag: IsoDate): Rechtskreis {
  if (fakten.bewilligungen.some((periode) => periode.ab <= stichtag && stichtag <= periode.bis)) return 'SGB_II';
  if (fakten.sgb2Ab !== null && fakten.sgb2Ab <= stichtag) return 'SGB_II';
  const status = periodOn(fakten.verlauf, stichtag);
  if (status && (status.art === 'AUFENTHALTSGESTATTUNG' || status.art === 'DULDUNG')) return 'SGB_III';
  return 'KEINER';
}
