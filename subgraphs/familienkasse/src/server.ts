import { defineSubgraph, readSchemaFile } from '@ip/kit';
import { Arbeitskalender } from '@ip/kit/calendar';
import { DEFAULT_SETTINGS, type FamilienkasseSettings } from './config.ts';
import { createContext, type Context } from './context.ts';
import { migrations } from './db/migrations.ts';
import type { FamilienkasseDatabase } from './db/tables.ts';
import { resolvers } from './resolvers/index.ts';
import { seedDemoData } from './seed.ts';
import { watchSla } from './sla-metrics.ts';

export type { FamilienkasseDatabase } from './db/tables.ts';
export { DEFAULT_SETTINGS, type FamilienkasseSettings };

const typeDefs = readSchemaFile(new URL('../schema.graphql', import.meta.url));

/** The Familienkasse's subgraph with its settings; `main.ts` reads them from the environment. */
export function createFamilienkasse(settings: FamilienkasseSettings) {
  // The working-day calendar of the Land, made once per subgraph: due dates and SLA figures count on it.
  const kalender = new Arbeitskalender(settings.land);
  const subgraph = defineSubgraph<FamilienkasseDatabase, Context>({
    name: 'familienkasse',
    typeDefs,
    resolvers,
    migrations,
    seed: (db, population) => seedDemoData(db, population, kalender),
    createContext: (db, caller) => createContext(db, caller, kalender),
  });
  /** Starts the subgraph; its `/metrics` then shows the Kindergeld figures of this database, read in the background. */
  const start: typeof subgraph.start = async (db, options) => {
    const watch = watchSla(db);
    try {
      // Its first figures before the first request: a scrape right after start has them, and no statement of
      // the read runs among a request's (the end-to-end tests count those).
      await watch.firstRead;
      const server = await subgraph.start(db, options);
      return {
        url: server.url,
        async stop() {
          // Before the server lets go of the database, so no read runs into a closed pool.
          watch.stop();
          await server.stop();
        },
      };
    } catch (error) {
      watch.stop();
      throw error;
    }
  };
  return { ...subgraph, start };
}

export { typeDefs };
/** With the default settings, as the tests run it. */
export const { prepareDatabase, start: startFamilienkasse } = createFamilienkasse(DEFAULT_SETTINGS);
