import type { Kysely } from 'kysely';
import { buildSchema, migrateToLatest, readSchemaFile, startSubgraphServer, type RunningServer } from '@ip/kit';
import type { Population } from '@ip/kit/demo';
import type { TokenVerifier } from '@ip/kit/identity';
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
  options: { readonly port: number; readonly host?: string; readonly verifyToken: TokenVerifier },
): Promise<RunningServer> {
  const { verifyToken, ...listen } = options;
  return startSubgraphServer({
    name: 'auslaenderbehoerde',
    schema: buildSchema(typeDefs, resolvers),
    // The subgraph checks the caller itself, even behind the gateway: a direct call gets no further.
    context: async (request) => createContext(db, await verifyToken(request.headers.authorization)),
    ...listen,
  });
}
