import { defineSubgraph, readSchemaFile } from '@ip/kit';
import { createContext, type Context } from './context.ts';
import { migrations } from './db/migrations.ts';
import type { SozialamtDatabase } from './db/tables.ts';
import { resolvers } from './resolvers/index.ts';
import { seedDemoData } from './seed.ts';

export type { SozialamtDatabase } from './db/tables.ts';

const typeDefs = readSchemaFile(new URL('../schema.graphql', import.meta.url));

/** The Sozialamt (AsylbLG)'s subgraph: its own schema and resolvers, the kit's data-protection module, its database. */
const subgraph = defineSubgraph<SozialamtDatabase, Context>({
  name: 'sozialamt',
  typeDefs,
  resolvers,
  migrations,
  seed: seedDemoData,
  createContext: (db, caller) => createContext(db, caller),
});

export const { prepareDatabase, start: startSozialamt } = subgraph;
