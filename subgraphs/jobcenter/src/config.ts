import { parseConfig, partnerConfig, type Environment } from '@ip/kit';
import { z } from 'zod';
import type { LueckenSchwellen } from './domain/luecken.ts';

/** Read once at start: JOBCENTER_PORT (4002), JOBCENTER_DATABASE_URL (required), _DEMO_DATA. */
export const loadConfig = (env: Environment) => partnerConfig('jobcenter', env);

export interface JobcenterSettings {
  /** Thresholds of the gap detection. */
  readonly lueckenSchwellen: LueckenSchwellen;
}

export const DEFAULT_SETTINGS: JobcenterSettings = Object.freeze({
  lueckenSchwellen: Object.freeze({ bewilligungNachTagen: 30 }),
});

/**
 * JOBCENTER_LUECKE_BEWILLIGUNG_TAGE: days after the start of SGB II by which it should be granted (default
 * 30). When an application is late is the law's (§ 37 Abs. 2 S. 2 SGB II), not a setting.
 */
export function jobcenterSettings(env: Environment): JobcenterSettings {
  const tage = z.coerce.number().int().min(1).max(365).default(DEFAULT_SETTINGS.lueckenSchwellen.bewilligungNachTagen);
  const raw = parseConfig(z.object({ JOBCENTER_LUECKE_BEWILLIGUNG_TAGE: tage }), env);
  return Object.freeze({
    lueckenSchwellen: Object.freeze({ bewilligungNachTagen: raw.JOBCENTER_LUECKE_BEWILLIGUNG_TAGE }),
  });
}
