import { defineSubgraph, readSchemaFile } from '@ip/kit';
import { createContext } from './context.ts';
import { migrations } from './db/migrations.ts';
import { resolvers } from './resolvers/index.ts';
import { seedDemoData } from './seed.ts';
import { watchSla } from './sla-metrics.ts';

export type { FamilienkasseDatabase } from './db/tables.ts';

const familienkasse = defineSubgraph({
  name: 'familienkasse',
  typeDefs: readSchemaFile(new URL('../schema.graphql', import.meta.url)),
  resolvers,
  migrations,
  seed: seedDemoData,
  createContext,
});

export const { typeDefs, prepareDatabase } = familienkasse;

/** Starts the subgraph; its `/metrics` then shows the Kindergeld figures of this database. */
export const startFamilienkasse: typeof familienkasse.start = (db, options) => {
  watchSla(db);
  return familienkasse.start(db, options);
};
