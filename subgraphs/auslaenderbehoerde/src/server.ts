import type { Kysely } from 'kysely';
import { buildSchema, migrateToLatest, readSchemaFile, startSubgraphServer, type RunningServer } from '@ip/kit';
import type { Population } from '@ip/kit/demo';
import { createContext } from './context.ts';
import { migrations } from './db/migrations.ts';
import type { AuslaenderbehoerdeDatabase } from './db/tables.ts';
import { resolvers } from './resolvers/index.ts';
import { seedDemoData } from './seed.ts';

export type { AuslaenderbehoerdeDatabase } from './db/tables.ts';

export const typeDefs = readSchemaFile(new URL('../schema.graphql', import.meta.url));

/** Migrates to the latest schema and, given a population, fills an empty database with it. */
export async function prepareDatabase(db: Kysely<AuslaenderbehoerdeDatabase>, population?: Population): Promise<void> {
  await migrateToLatest(db, migrations);
  if (population) await seedDemoData(db, population);
}

export async function startAuslaenderbehoerde(
  db: Kysely<AuslaenderbehoerdeDatabase>,
  listen: { readonly port: number; readonly host?: string },
): Promise<RunningServer> {
  return startSubgraphServer({
    name: 'auslaenderbehoerde',
    schema: buildSchema(typeDefs, resolvers),
    context: async () => createContext(db),
    ...listen,
  });
}
