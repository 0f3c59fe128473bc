import { familienkasseSettings } from '../config.ts';
import { Arbeitskalender } from '../domain/arbeitskalender.ts';

/** The working-day calendar of the Familienkasse's Land, made once per process. */
export const kalender = new Arbeitskalender(familienkasseSettings().FAMILIENKASSE_LAND);
