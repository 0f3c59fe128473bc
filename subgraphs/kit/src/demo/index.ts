export { addDays, addMonths, addYears, ageOn, compareDates, daysBetween, maxDate, minDate } from './dates.ts';
export { NAMES, NRW_CITIES, type DemoCity, type DemoNationality, type NameLists } from './names.ts';
export {
  BESCHAEFTIGUNG_MIT_ERLAUBNIS,
  ERWERBSTAETIGKEIT_GESTATTET,
  ERWERBSTAETIGKEIT_NICHT_GESTATTET,
  generatePopulation,
  personById,
  type Aufenthaltsart,
  type DemoHousehold,
  type DemoPerson,
  type Haushaltsrolle,
  type Population,
  type PopulationOptions,
  type Qualifikation,
  type StatusPeriod,
} from './population.ts';
export { createRandom, demoRandom, hashKeys, type Random } from './random.ts';
export {
  DEMO_CATEGORIES,
  demoDeclaration,
  type DemoAgency,
  type DemoConsentState,
  type DemoDeclaration,
} from './consent.ts';
