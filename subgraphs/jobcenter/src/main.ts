import { observabilitySettings, runSubgraph } from '@ip/kit';
import { generatePopulation } from '@ip/kit/demo';
import { identityConfig } from '@ip/kit/identity';
import { jobcenterSettings, loadConfig } from './config.ts';
import { createJobcenter } from './server.ts';

// The one place the Jobcenter reads the environment: everything below gets its settings as arguments.
const env = process.env;
const jobcenter = createJobcenter(jobcenterSettings(env));

await runSubgraph({
  config: loadConfig(env),
  identity: identityConfig(env),
  observability: observabilitySettings(env),
  prepare: (db, config) => jobcenter.prepareDatabase(db, config.demoData ? generatePopulation() : undefined),
  start: jobcenter.start,
});
