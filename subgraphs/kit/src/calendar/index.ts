export { addDays, Arbeitskalender } from './arbeitskalender.ts';
