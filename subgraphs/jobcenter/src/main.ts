import { runSubgraph } from '@ip/kit';
import { generatePopulation } from '@ip/kit/demo';
import { loadConfig } from './config.ts';
import { prepareDatabase, startJobcenter } from './server.ts';

await runSubgraph({
  config: loadConfig(),
  prepare: (db, config) => prepareDatabase(db, config.demoData ? generatePopulation() : undefined),
  start: startJobcenter,
});
