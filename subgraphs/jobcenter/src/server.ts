import { defineSubgraph, readSchemaFile } from '@ip/kit';
import { createContext } from './context.ts';
import { migrations } from './db/migrations.ts';
import { resolvers } from './resolvers/index.ts';
import { seedDemoData } from './seed.ts';

export type { JobcenterDatabase } from './db/tables.ts';

const jobcenter = defineSubgraph({
  name: 'jobcenter',
  typeDefs: readSchemaFile(new URL('../schema.graphql', import.meta.url)),
  resolvers,
  migrations,
  seed: seedDemoData,
  createContext,
});

export const { typeDefs, prepareDatabase, start: startJobcenter } = jobcenter;
