import Holidays from 'date-holidays';
import type { IsoDate } from '../scalars.ts';

const DAY_MS = 24 * 3600 * 1000;

export function addDays(day: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function weekday(day: IsoDate): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/**
 * Working days of a Familienkasse's Land: Monday to Friday except the Land's public holidays, as the
 * maintained `date-holidays` data has them (type "public"; 24 and 31 December are not holidays).
 */
export class Arbeitskalender {
  private readonly holidays: Holidays;
  private readonly byYear = new Map<number, ReadonlySet<IsoDate>>();

  constructor(readonly land: string = 'NW') {
    if (!Object.keys(new Holidays().getStates('DE') ?? {}).includes(land))
      throw new Error(`unknown German Land ${land}`);
    this.holidays = new Holidays('DE', land);
  }

  isFeiertag(day: IsoDate): boolean {
    const year = Number(day.slice(0, 4));
    let set = this.byYear.get(year);
    if (!set) {
      set = new Set(
        this.holidays
          .getHolidays(year)
          .filter((holiday) => holiday.type === 'public')
          .map((holiday) => holiday.date.slice(0, 10)),
      );
      this.byYear.set(year, set);
    }
    return set.has(day);
  }

  isArbeitstag(day: IsoDate): boolean {
    const dow = weekday(day);
    return dow !== 0 && dow !== 6 && !this.isFeiertag(day);
  }

  /** The n-th working day after `day`; `day` itself never counts (§ 187 Abs. 1 BGB). */
  nachArbeitstagen(day: IsoDate, n: number): IsoDate {
    let current = day;
    for (let counted = 0; counted < n;) {
      current = addDays(current, 1);
      if (this.isArbeitstag(current)) counted += 1;
    }
    return current;
  }

  /** Working days after `von` up to and including `bis`; 0 if `bis` is not after `von`. */
  arbeitstageZwischen(von: IsoDate, bis: IsoDate): number {
    let count = 0;
    for (let current = addDays(von, 1); current <= bis; current = addDays(current, 1))
      if (this.isArbeitstag(current)) count += 1;
    return count;
  }
}
