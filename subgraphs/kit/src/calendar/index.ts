export { addDays, Arbeitskalender } from './arbeitskalender.ts';
/** Calendar-day arithmetic, as deadlines are counted (§§ 187, 188 BGB for months). */
export { addMonths, daysBetween } from '../demo/dates.ts';
export { periodOn, type Period } from './period.ts';
