import { subgraphConfig } from '@ip/kit';

/** Read once at start: AUSLAENDERBEHOERDE_PORT (4003), AUSLAENDERBEHOERDE_DATABASE_URL, _DATA_DIR, _DEMO_DATA. */
export const loadConfig = () => subgraphConfig('auslaenderbehoerde', 4003);
