import type { IsoDate } from '../scalars.ts';

// Everything works on whole UTC days so the generated population cannot drift with the host's time zone.
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: IsoDate): readonly [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  const [year, month, day] = parts(date);
  const dayNumber = Date.UTC(year, month - 1, day) / MS_PER_DAY;
  // Date.UTC rolls 2015-02-30 over to 2015-03-02 and month 13 into next year; a real day survives the round trip.
  if (fromDayNumber(dayNumber) !== date) throw new RangeError(`No such calendar day: ${date}`);
  return dayNumber;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Clamps to the month's last day (31 Jan + 1 month = 28/29 Feb), as German offices compute deadlines (§ 188 BGB). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = parts(date);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, lastDay)) / MS_PER_DAY);
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Negative if `from` is after `to`. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** Completed years of life on `day`; someone born on 29 February has their birthday on 1 March in common years. */
export function ageOn(geburtsdatum: IsoDate, day: IsoDate): number {
  const [birthYear, birthMonth, birthDay] = parts(geburtsdatum);
  const [year, month, dayOfMonth] = parts(day);
  const beforeBirthday = month < birthMonth || (month === birthMonth && dayOfMonth < birthDay);
  return year - birthYear - (beforeBirthday ? 1 : 0);
}
