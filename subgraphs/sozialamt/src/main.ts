import { observabilitySettings, runSubgraph } from '@ip/kit';
import { generatePopulation } from '@ip/kit/demo';
import { identityConfig } from '@ip/kit/identity';
import { loadConfig } from './config.ts';
import { prepareDatabase, startSozialamt } from './server.ts';

// The one place the Sozialamt (AsylbLG) reads the environment: everything below gets its settings as arguments.
const env = process.env;

await runSubgraph({
  config: loadConfig(env),
  identity: identityConfig(env),
  observability: observabilitySettings(env),
  prepare: (db, config) => prepareDatabase(db, config.demoData ? generatePopulation() : undefined),
  start: startSozialamt,
});
