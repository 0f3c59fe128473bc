import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { IsoDate } from '../scalars.ts';

/**
 * The holiday data (with the moment-timezone and astronomy code it needs) costs each process 0.2 s of
 * CPU to load: it is loaded on the first working-day question, not at start. `require` (the package's
 * CommonJS build) keeps the calendar's questions synchronous.
 */
const loadHolidays = () => createRequire(import.meta.url)('date-holidays') as typeof Holidays;

/** The Länder by their ISO 3166-2 codes, as `date-holidays` names them (`new Holidays().getStates('DE')`). */
const LAENDER = ['BB', 'BE', 'BW', 'BY', 'HB', 'HE', 'HH', 'MV', 'NI', 'NW', 'RP', 'SH', 'SL', 'SN', 'ST', 'TH'];

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
  private holidays: Holidays | undefined;
  private readonly byYear = new Map<number, ReadonlySet<IsoDate>>();

  constructor(readonly land: string = 'NW') {
    if (!LAENDER.includes(land)) throw new Error(`unknown German Land ${land}`);
  }

  isFeiertag(day: IsoDate): boolean {
    const year = Number(day.slice(0, 4));
    let set = this.byYear.get(year);
    if (!set) {
      this.holidays ??= new (loadHolidays())('DE', this.land);
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
