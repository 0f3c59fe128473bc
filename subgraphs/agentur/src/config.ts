import { subgraphConfig } from '@ip/kit';

/** Read once at start: AGENTUR_PORT (4001), AGENTUR_DATABASE_URL, _DATA_DIR, _DEMO_DATA. */
export const loadConfig = () => subgraphConfig('agentur', 4001);
