import type { Kysely } from 'kysely';
import type { Population } from '../demo/population.ts';
import type { Agency, TokenVerifier } from '../identity/index.ts';
import type { RunningServer } from '../subgraph-server.ts';
import { postGraphQL, type GraphQLResponse } from './graphql-client.ts';
import { createTestDatabase, digestOf } from './test-database.ts';
import { createTestIssuer, type TestIssuer } from './test-issuer.ts';

export interface SubgraphUnderTest<DB> {
  readonly db: Kysely<DB>;
  readonly url: string;
  readonly issuer: TestIssuer;
  /** Every SQL statement the subgraph ran since the test last emptied the list. */
  readonly statements: string[];
  /** Asks the subgraph directly over HTTP, as the default caller unless another agency and role are given. */
  ask<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    agency?: Agency,
    role?: string,
  ): Promise<{ status: number; body: GraphQLResponse<T> }>;
  close(): Promise<void>;
}

export interface SubgraphUnderTestOptions<DB> {
  /**
   * The partner whose database `prepareDatabase` makes: files that name the same partner and population
   * share one template database for the whole run.
   */
  readonly name: string;
  readonly prepareDatabase: (db: Kysely<DB>, population?: Population) => Promise<void>;
  readonly start: (db: Kysely<DB>, options: { port: number; verifyToken: TokenVerifier }) => Promise<RunningServer>;
  /** The demo population to seed; none for an empty database. */
  readonly population?: Population;
  /** The caller `ask` uses by default, usually a case worker of the subgraph's own agency. */
  readonly caller: { readonly agency: Agency; readonly role: string };
}

/** One subgraph on a test database of its own, on a free port, with a local token issuer. */
export async function startSubgraphUnderTest<DB>(
  options: SubgraphUnderTestOptions<DB>,
): Promise<SubgraphUnderTest<DB>> {
  const statements: string[] = [];
  const database = await createTestDatabase<DB>(options.name, (db) => options.prepareDatabase(db, options.population), {
    onQuery: (sql) => statements.push(sql),
    template: `${options.name}:${digestOf(options.population)}`,
  });
  const issuer = await createTestIssuer();
  const server = await options.start(database.db, { port: 0, verifyToken: issuer.verifyToken });
  return {
    db: database.db,
    url: server.url,
    issuer,
    statements,
    async ask<T>(
      query: string,
      variables: Record<string, unknown> = {},
      agency = options.caller.agency,
      role = options.caller.role,
    ) {
      const authorization = await issuer.bearer(agency, role);
      return postGraphQL<T>(server.url, query, variables, { authorization });
    },
    async close() {
      await server.stop();
      await database.close();
      await issuer.close();
    },
  };
}
