import { parseConfig, partnerConfig, type Environment } from '@ip/kit';
import { z } from 'zod';

/** Read once at start: FAMILIENKASSE_PORT (4004), FAMILIENKASSE_DATABASE_URL (required), _DEMO_DATA. */
export const loadConfig = (env: Environment) => partnerConfig('familienkasse', env);

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

export interface FamilienkasseSettings {
  /** The German Land whose public holidays count against the 10 working days. */
  readonly land: (typeof LAENDER)[number];
}

export const DEFAULT_SETTINGS: FamilienkasseSettings = Object.freeze({ land: 'NW' });

/** FAMILIENKASSE_LAND (default NW). */
export function familienkasseSettings(env: Environment): FamilienkasseSettings {
  const raw = parseConfig(z.object({ FAMILIENKASSE_LAND: z.enum(LAENDER).default(DEFAULT_SETTINGS.land) }), env);
  return Object.freeze({ land: raw.FAMILIENKASSE_LAND });
}
