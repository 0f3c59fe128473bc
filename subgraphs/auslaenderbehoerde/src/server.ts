import { defineSubgraph, readSchemaFile } from '@ip/kit';
import { Arbeitskalender } from '@ip/kit/calendar';
import { DEFAULT_SETTINGS, type AuslaenderbehoerdeSettings } from './config.ts';
import { createContext, type Context } from './context.ts';
import { migrations } from './db/migrations.ts';
import type { AuslaenderbehoerdeDatabase } from './db/tables.ts';
import { resolvers } from './resolvers/index.ts';
import { seedDemoData } from './seed.ts';

export type { AuslaenderbehoerdeDatabase } from './db/tables.ts';
export { DEFAULT_SETTINGS, type AuslaenderbehoerdeSettings };

const typeDefs = readSchemaFile(new URL('../schema.graphql', import.meta.url));

/** The Ausländerbehörde's subgraph with its settings; `main.ts` reads them from the environment. */
export function createAuslaenderbehoerde(settings: AuslaenderbehoerdeSettings) {
  // The working-day calendar of the Land, made once per subgraph.
  const fristen = { kalender: new Arbeitskalender(settings.land), klaerungSchwelle: settings.klaerungSchwelle };
  return defineSubgraph<AuslaenderbehoerdeDatabase, Context>({
    name: 'auslaenderbehoerde',
    typeDefs,
    resolvers,
    migrations,
    seed: seedDemoData,
    createContext: (db, caller) => createContext(db, caller, fristen),
  });
}

export { typeDefs };
/** With the default settings, as the tests run it. */
export const { prepareDatabase, start: startAuslaenderbehoerde } = createAuslaenderbehoerde(DEFAULT_SETTINGS);
