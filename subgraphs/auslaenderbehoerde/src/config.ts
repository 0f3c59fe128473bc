import { parseConfig, portSchema, partnerConfig, type Environment } from '@ip/kit';
import { z } from 'zod';

/** Read once at start: AUSLAENDERBEHOERDE_PORT (4003), AUSLAENDERBEHOERDE_DATABASE_URL (required), _DEMO_DATA. */
export const loadConfig = (env: Environment) => partnerConfig('auslaenderbehoerde', env);

const LAENDER = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HH',
  'HE',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
] as const;

export interface AuslaenderbehoerdeSettings {
  /** Working days after which an open status clarification counts as late. */
  readonly klaerungSchwelle: number;
  /** The Land whose public holidays count. */
  readonly land: (typeof LAENDER)[number];
}

export const DEFAULT_SETTINGS: AuslaenderbehoerdeSettings = Object.freeze({ klaerungSchwelle: 5, land: 'NW' });

/** AUSLAENDERBEHOERDE_KLAERUNG_SCHWELLE (default 5), AUSLAENDERBEHOERDE_LAND (default NW). */
export function auslaenderbehoerdeSettings(env: Environment): AuslaenderbehoerdeSettings {
  const raw = parseConfig(
    z.object({
      AUSLAENDERBEHOERDE_KLAERUNG_SCHWELLE: portSchema(DEFAULT_SETTINGS.klaerungSchwelle).pipe(
        z.number().min(1).max(100),
      ),
      AUSLAENDERBEHOERDE_LAND: z.enum(LAENDER).default(DEFAULT_SETTINGS.land),
    }),
    env,
  );
  return Object.freeze({
    klaerungSchwelle: raw.AUSLAENDERBEHOERDE_KLAERUNG_SCHWELLE,
    land: raw.AUSLAENDERBEHOERDE_LAND,
  });
}
