import { observabilitySettings, runSubgraph } from '@ip/kit';
import { generatePopulation } from '@ip/kit/demo';
import { identityConfig } from '@ip/kit/identity';
import { agenturSettings, loadConfig } from './config.ts';
import { createAgentur } from './server.ts';

// The one place the Agentur reads the environment: everything below gets its settings as arguments.
const env = process.env;
const settings = agenturSettings(env);
const agentur = createAgentur(settings, () => settings.graphUrl);

await runSubgraph({
  config: loadConfig(env),
  identity: identityConfig(env),
  observability: observabilitySettings(env),
  prepare: (db, config) => agentur.prepareDatabase(db, config.demoData ? generatePopulation() : undefined),
  start: agentur.start,
});
