import type { IsoDate } from '@ip/kit';
import { addDays, addMonths, daysBetween } from '@ip/kit/calendar';

export type VerweildauerStand = 'LAEUFT' | 'ENDET_BALD' | 'ERREICHT';

/**
 * Last day of the maximum stay: the opening day is not counted (§ 187 Abs. 1 BGB), the period ends on the
 * day of the last month with the opening day's number, or that month's last day (§ 188 Abs. 2, 3 BGB).
 */
export function hoechstverweildauerEndetAm(eroeffnetAm: IsoDate, monate: number): IsoDate {
  if (!Number.isInteger(monate) || monate < 1 || monate > 36)
    throw new RangeError(`maximum stay of ${monate} months is not between 1 and 36`);
  return addMonths(eroeffnetAm, monate);
}

/** Where a case stands against the maximum stay on a day: the hand-over is due from its last day on. */
export function verweildauerStand(
  eroeffnetAm: IsoDate,
  stichtag: IsoDate,
  regel: { readonly monate: number; readonly vorlaufTage: number },
): { endetAm: IsoDate; tageBisEnde: number; stand: VerweildauerStand } {
  if (!Number.isInteger(regel.vorlaufTage) || regel.vorlaufTage < 0 || regel.vorlaufTage > 180)
    throw new RangeError(`lead time of ${regel.vorlaufTage} days is not between 0 and 180`);
  const endetAm = hoechstverweildauerEndetAm(eroeffnetAm, regel.monate);
  const stand =
    stichtag >= endetAm ? 'ERREICHT' : stichtag >= addDays(endetAm, -regel.vorlaufTage) ? 'ENDET_BALD' : 'LAEUFT';
  return { endetAm, tageBisEnde: daysBetween(stichtag, endetAm), stand };
}
