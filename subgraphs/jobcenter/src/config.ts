import { parseConfig, subgraphConfig } from '@ip/kit';
import { z } from 'zod';

/** Read once at start: JOBCENTER_PORT (4002), JOBCENTER_DATABASE_URL (required), _DEMO_DATA. */
export const loadConfig = () => subgraphConfig('jobcenter', 4002);

const tage = (fallback: number) => z.coerce.number().int().min(1).max(365).default(fallback);

/**
 * Threshold of the gap detection: JOBCENTER_LUECKE_BEWILLIGUNG_TAGE (days after the start of SGB II by which
 * it should be granted, default 30). When an application is late is the law's (§ 37 Abs. 2 S. 2 SGB II), not
 * a setting.
 */
export const lueckenSchwellen = () => {
  const raw = parseConfig(z.object({ JOBCENTER_LUECKE_BEWILLIGUNG_TAGE: tage(30) }));
  return Object.freeze({ bewilligungNachTagen: raw.JOBCENTER_LUECKE_BEWILLIGUNG_TAGE });
};
