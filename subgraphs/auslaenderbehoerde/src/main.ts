import { observabilitySettings, runSubgraph } from '@ip/kit';
import { generatePopulation } from '@ip/kit/demo';
import { identityConfig } from '@ip/kit/identity';
import { auslaenderbehoerdeSettings, loadConfig } from './config.ts';
import { createAuslaenderbehoerde } from './server.ts';

// The one place the Ausländerbehörde reads the environment: everything below gets its settings as arguments.
const env = process.env;
const auslaenderbehoerde = createAuslaenderbehoerde(auslaenderbehoerdeSettings(env));

await runSubgraph({
  config: loadConfig(env),
  identity: identityConfig(env),
  observability: observabilitySettings(env),
  prepare: (db, config) => auslaenderbehoerde.prepareDatabase(db, config.demoData ? generatePopulation() : undefined),
  start: auslaenderbehoerde.start,
});
