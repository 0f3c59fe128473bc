import { subgraphConfig } from '@ip/kit';

/** Read once at start: FAMILIENKASSE_PORT (4004), FAMILIENKASSE_DATABASE_URL, _DATA_DIR, _DEMO_DATA. */
export const loadConfig = () => subgraphConfig('familienkasse', 4004);
