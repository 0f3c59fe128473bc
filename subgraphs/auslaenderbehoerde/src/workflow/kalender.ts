import { Arbeitskalender } from '@ip/kit/calendar';
import { auslaenderbehoerdeSettings } from '../config.ts';

const settings = auslaenderbehoerdeSettings();

/** The working-day calendar of the Ausländerbehörde's Land, made once per process. */
export const kalender = new Arbeitskalender(settings.AUSLAENDERBEHOERDE_LAND);

/** Working days after which an open status clarification counts as late. */
export const KLAERUNG_SCHWELLE = settings.AUSLAENDERBEHOERDE_KLAERUNG_SCHWELLE;
