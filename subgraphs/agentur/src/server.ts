import { defineSubgraph, readSchemaFile } from '@ip/kit';
import { DEFAULT_GRAPH_URL, DEFAULT_SETTINGS, type AgenturSettings } from './config.ts';
import { createContext } from './context.ts';
import { migrations } from './db/migrations.ts';
import { resolvers } from './resolvers/index.ts';
import { seedDemoData } from './seed.ts';

export type { AgenturDatabase } from './db/tables.ts';
export { DEFAULT_SETTINGS, type AgenturSettings };

const typeDefs = readSchemaFile(new URL('../schema.graphql', import.meta.url));

/**
 * The Agentur's subgraph with the partners' agreed settings; `main.ts` reads them from the environment.
 * `graphUrl` is a function because a test learns the gateway's address only after the subgraphs listen.
 */
export function createAgentur(settings: Omit<AgenturSettings, 'graphUrl'>, graphUrl: () => string) {
  return defineSubgraph({
    name: 'agentur',
    typeDefs,
    resolvers,
    migrations,
    seed: seedDemoData,
    createContext: (db, caller, request) => createContext(db, caller, request, { settings, graphUrl }),
  });
}

export { typeDefs };
/** With the default settings and the gateway on its default port, as the subgraph's own tests run it. */
export const { prepareDatabase, start: startAgentur } = createAgentur(DEFAULT_SETTINGS, () => DEFAULT_GRAPH_URL);
