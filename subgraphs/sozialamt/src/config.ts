import { partnerConfig, type Environment } from '@ip/kit';

/**
 * Read once at start: SOZIALAMT_PORT (4005), SOZIALAMT_DATABASE_URL (required), SOZIALAMT_DEMO_DATA,
 * SOZIALAMT_DATABASE_POOL_MAX; the default port and the prefix are the partner registry's.
 */
export const loadConfig = (env: Environment) => partnerConfig('sozialamt', env);
