import type { Kysely } from 'kysely';
import * as agentur from '@ip/agentur';
import * as auslaenderbehoerde from '@ip/auslaenderbehoerde';
import * as familienkasse from '@ip/familienkasse';
import * as jobcenter from '@ip/jobcenter';
import { startGateway } from '@ip/gateway';
import type { RunningServer } from '@ip/kit';
import { generatePopulation, type Population } from '@ip/kit/demo';
import { createTestDatabase, postGraphQL, type GraphQLResponse, type TestDatabase } from '@ip/kit/testing';
import { compose, readSubgraphSources } from '../../schema/src/compose.ts';

export type PartnerName = 'agentur' | 'jobcenter' | 'auslaenderbehoerde' | 'familienkasse';

interface Partner<DB> {
  prepareDatabase(db: Kysely<DB>, population?: Population): Promise<void>;
  start(db: Kysely<DB>, listen: { port: number }): Promise<RunningServer>;
}

const PARTNERS: Record<PartnerName, Partner<never>> = {
  agentur: { prepareDatabase: agentur.prepareDatabase, start: agentur.startAgentur },
  jobcenter: { prepareDatabase: jobcenter.prepareDatabase, start: jobcenter.startJobcenter },
  auslaenderbehoerde: { prepareDatabase: auslaenderbehoerde.prepareDatabase, start: auslaenderbehoerde.startAuslaenderbehoerde },
  familienkasse: { prepareDatabase: familienkasse.prepareDatabase, start: familienkasse.startFamilienkasse },
} as Record<PartnerName, Partner<never>>;

export interface System {
  readonly population: Population;
  readonly gatewayUrl: string;
  readonly subgraphUrls: Readonly<Record<PartnerName, string>>;
  /** Every SQL statement each subgraph ran since the last `resetStatements()`. */
  readonly statements: Readonly<Record<PartnerName, string[]>>;
  resetStatements(): void;
  query<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<TData>>;
  stop(): Promise<void>;
}

/**
 * The whole Integration Point in one test process: each partner on a database of its own (PGlite, or a
 * PostgreSQL server with TEST_DATABASE_URL) and its own HTTP port, the four schemas composed for real,
 * and the gateway in front, talking HTTP to each of them.
 */
export async function startSystem(options: { households?: number } = {}): Promise<System> {
  const population = generatePopulation({ households: options.households ?? 60 });
  const names = Object.keys(PARTNERS) as PartnerName[];
  const statements = Object.fromEntries(names.map((name) => [name, [] as string[]])) as Record<PartnerName, string[]>;
  const databases: TestDatabase<never>[] = [];
  const servers: RunningServer[] = [];
  const subgraphUrls = {} as Record<PartnerName, string>;

  for (const name of names) {
    const partner = PARTNERS[name];
    const database = await createTestDatabase<never>(`e2e-${name}`, (db) => partner.prepareDatabase(db, population), {
      onQuery: (sql) => statements[name].push(sql),
    });
    databases.push(database);
    const server = await partner.start(database.db, { port: 0 });
    servers.push(server);
    subgraphUrls[name] = server.url;
  }

  const composition = compose(readSubgraphSources().map((source) => ({ ...source, url: subgraphUrls[source.name as PartnerName] })));
  if (!composition.ok) throw new Error(`composition failed: ${composition.errors.join('; ')}`);
  const gateway = await startGateway({ supergraph: composition.supergraphSdl, port: 0 });

  return {
    population,
    gatewayUrl: gateway.url,
    subgraphUrls,
    statements,
    resetStatements: () => names.forEach((name) => (statements[name].length = 0)),
    query: async (query, variables) => (await postGraphQL(gateway.url, query, variables)).body,
    async stop() {
      await gateway.stop();
      await Promise.all(servers.map((server) => server.stop()));
      await Promise.all(databases.map((database) => database.close()));
    },
  };
}
