import type { BaseContext } from '@apollo/server';
import { recordFor, traceIdOf } from '@ip/observability';
import type { Kysely } from 'kysely';
import { datenschutzModule } from './consent/datenschutz-module.ts';
import { servedTypeDefs } from './consent/datenschutz-sdl.ts';
import type { Population } from './demo/population.ts';
import type { Agency, Caller, TokenVerifier } from './identity/index.ts';
import type { InputLimits } from './input/limits.ts';
import { migrateToLatest, migrationReadiness, type Migrations } from './migrations.ts';
import { buildSchema, startSubgraphServer, type ResolverMap, type RunningServer } from './subgraph-server.ts';

export interface SubgraphDefinition<DB, TContext extends BaseContext> {
  /** The partner's name in the registry: its data-protection part and its categories come from there. */
  readonly name: Agency;
  /** The subgraph's `schema.graphql`: its own domain; the kit adds the data-protection part. */
  readonly typeDefs: string;
  /** The resolvers of its own domain. */
  readonly resolvers: ResolverMap;
  readonly migrations: Migrations;
  /** Fills an empty database with the partner's slice of the demo population. */
  seed(db: Kysely<DB>, population: Population): Promise<unknown>;
  createContext(db: Kysely<DB>, caller: Caller, request: CallerRequest): TContext;
}

/** What a subgraph that asks the graph on the caller's behalf sends along (`createGraphClient`). */
export interface CallerRequest {
  /** The caller's own Authorization header. */
  readonly authorization: string | undefined;
  /** The caller's W3C `traceparent`, if it carried a valid one: without a tracing SDK it is passed on as it came. */
  readonly traceparent?: string | undefined;
  /** The request's id (`x-request-id`), so the graph's log lines of the nested request name it too. */
  readonly requestId?: string | undefined;
}

/** Plain functions, not methods: partners export them destructured (`export const { start } = …`). */
export interface Subgraph<DB> {
  /** The SDL the subgraph serves: its `schema.graphql` and the kit's data-protection part. */
  readonly typeDefs: string;
  /** Migrates to the latest schema and, given a population, fills an empty database with it. */
  readonly prepareDatabase: (db: Kysely<DB>, population?: Population) => Promise<void>;
  readonly start: (
    db: Kysely<DB>,
    options: {
      readonly port: number;
      readonly host?: string;
      readonly verifyToken: TokenVerifier;
      readonly inputLimits?: InputLimits;
    },
  ) => Promise<RunningServer>;
}

/**
 * The parts every partner subgraph has, put together the same way for each: its own module (its
 * `schema.graphql` and resolvers) and the kit's data-protection module for it as owner.
 */
export function defineSubgraph<DB, TContext extends BaseContext>(
  definition: SubgraphDefinition<DB, TContext>,
): Subgraph<DB> {
  const modules = [
    { typeDefs: definition.typeDefs, resolvers: definition.resolvers },
    datenschutzModule(definition.name),
  ];
  return {
    typeDefs: servedTypeDefs(definition.name, definition.typeDefs),
    async prepareDatabase(db, population) {
      await migrateToLatest(db, definition.migrations);
      if (population) await definition.seed(db, population);
    },
    start(db, options) {
      const { verifyToken, ...listen } = options;
      return startSubgraphServer({
        name: definition.name,
        // Built at start, because the `_entities` check takes the configured input limits.
        schema: buildSchema(modules, options.inputLimits),
        // The subgraph checks the caller itself, even behind the gateway: a direct call gets no further.
        context: async (request) => {
          const { authorization } = request.headers;
          const record = recordFor(request);
          const caller = await verifyToken(authorization).catch((error: unknown) => {
            record?.errorCodes.add('UNAUTHENTICATED');
            throw error;
          });
          if (record) {
            record.agency = caller.agency;
            record.role = caller.role;
          }
          const { traceparent } = request.headers;
          return definition.createContext(db, caller, {
            authorization,
            traceparent: typeof traceparent === 'string' && traceIdOf(traceparent) ? traceparent : undefined,
            requestId: record?.requestId,
          });
        },
        ready: () => migrationReadiness(db, definition.migrations),
        ...listen,
      });
    },
  };
}
