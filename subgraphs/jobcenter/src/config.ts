import { subgraphConfig } from '@ip/kit';

/** Read once at start: JOBCENTER_PORT (4002), JOBCENTER_DATABASE_URL, _DATA_DIR, _DEMO_DATA. */
export const loadConfig = () => subgraphConfig('jobcenter', 4002);
