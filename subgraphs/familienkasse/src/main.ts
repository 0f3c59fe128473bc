import { observabilitySettings, runSubgraph } from '@ip/kit';
import { generatePopulation } from '@ip/kit/demo';
import { identityConfig } from '@ip/kit/identity';
import { familienkasseSettings, loadConfig } from './config.ts';
import { createFamilienkasse } from './server.ts';

// The one place the Familienkasse reads the environment: everything below gets its settings as arguments.
const env = process.env;
const familienkasse = createFamilienkasse(familienkasseSettings(env));

await runSubgraph({
  config: loadConfig(env),
  identity: identityConfig(env),
  observability: observabilitySettings(env),
  prepare: (db, config) => familienkasse.prepareDatabase(db, config.demoData ? generatePopulation() : undefined),
  start: familienkasse.start,
});
