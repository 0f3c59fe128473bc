import { familienkasseSettings } from '../config.ts';
import { Arbeitskalender } from '@ip/kit/calendar';

/** The working-day calendar of the Familienkasse's Land, made once per process. */
export const kalender = new Arbeitskalender(familienkasseSettings().FAMILIENKASSE_LAND);
