import { parseConfig, portSchema, subgraphConfig } from '@ip/kit';
import { z } from 'zod';

/** Read once at start: AUSLAENDERBEHOERDE_PORT (4003), AUSLAENDERBEHOERDE_DATABASE_URL (required), _DEMO_DATA. */
export const loadConfig = () => subgraphConfig('auslaenderbehoerde', 4003);

/**
 * AUSLAENDERBEHOERDE_KLAERUNG_SCHWELLE: working days after which an open status clarification counts as
 * late (default 5). AUSLAENDERBEHOERDE_LAND: the Land whose holidays count (default NW).
 */
export const auslaenderbehoerdeSettings = () =>
  parseConfig(
    z.object({
      AUSLAENDERBEHOERDE_KLAERUNG_SCHWELLE: portSchema(5).pipe(z.number().min(1).max(100)),
      AUSLAENDERBEHOERDE_LAND: z.enum(['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH']).default('NW'),
    }),
  );
