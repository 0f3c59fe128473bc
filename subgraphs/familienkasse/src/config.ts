import { parseConfig, subgraphConfig } from '@ip/kit';
import { z } from 'zod';

/** Read once at start: FAMILIENKASSE_PORT (4004), FAMILIENKASSE_DATABASE_URL (required), _DEMO_DATA. */
export const loadConfig = () => subgraphConfig('familienkasse', 4004);

/** FAMILIENKASSE_LAND: the German Land whose public holidays count against the 10 working days (default NW). */
export const familienkasseSettings = () =>
  parseConfig(z.object({ FAMILIENKASSE_LAND: z.enum(['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH']).default('NW') }));
