import { defineSubgraph, readSchemaFile } from '@ip/kit';
import { DEFAULT_SETTINGS, type JobcenterSettings } from './config.ts';
import { createContext, type Context } from './context.ts';
import { migrations } from './db/migrations.ts';
import type { JobcenterDatabase } from './db/tables.ts';
import { resolvers } from './resolvers/index.ts';
import { seedDemoData } from './seed.ts';

export type { JobcenterDatabase } from './db/tables.ts';
export { DEFAULT_SETTINGS, type JobcenterSettings };

const typeDefs = readSchemaFile(new URL('../schema.graphql', import.meta.url));

/** The Jobcenter's subgraph with its settings; `main.ts` reads them from the environment. */
export function createJobcenter(settings: JobcenterSettings) {
  return defineSubgraph<JobcenterDatabase, Context>({
    name: 'jobcenter',
    typeDefs,
    resolvers,
    migrations,
    seed: seedDemoData,
    createContext: (db, caller) => createContext(db, caller, settings),
  });
}

export { typeDefs };
/** With the default settings, as the tests run it. */
export const { prepareDatabase, start: startJobcenter } = createJobcenter(DEFAULT_SETTINGS);
