import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { log, requestRecordPlugin, type ReadinessChecks } from '@ip/observability';
import { concatAST, parse, type GraphQLSchema } from 'graphql';
import { ErrorCode, KNOWN_CODES, maskUnexpectedErrors } from './errors.ts';
import { listenSubgraph } from './http-front.ts';
import { guardEntities } from './input/entities.ts';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './input/limits.ts';
import { literalInputRule, namedValidationError } from './input/literals.ts';
import { variableInputPlugin } from './input/variables.ts';
import { observeSubgraphRequest } from './metrics.ts';

/** Reads a subgraph's `schema.graphql`, given a URL relative to the calling module. */
export function readSchemaFile(url: URL): string {
  return readFileSync(url, 'utf8');
}

type ApolloModule = Extract<
  Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number],
  { resolvers?: unknown }
>;
/** The resolver map `buildSubgraphSchema` takes; each subgraph types its own resolvers and passes them here. */
export type ResolverMap = NonNullable<ApolloModule['resolvers']>;

/** A part of a subgraph's schema: SDL and the resolvers of what it defines (a partner's own, the kit's data protection). */
export interface SchemaModule {
  readonly typeDefs: string;
  readonly resolvers: ResolverMap;
}

/** The subgraph's schema from its modules, with its `_entities` representations checked like any other input. */
export function buildSchema(
  modules: readonly SchemaModule[],
  limits: InputLimits = DEFAULT_INPUT_LIMITS,
): GraphQLSchema {
  const documents = modules.map((module) => parse(module.typeDefs));
  const schema = buildSubgraphSchema(
    modules.map((module, index) => ({ typeDefs: documents[index]!, resolvers: module.resolvers })),
  );
  guardEntities(schema, concatAST(documents), limits);
  return schema;
}

export interface SubgraphServerOptions<TContext extends BaseContext> {
  readonly name: string;
  readonly schema: GraphQLSchema;
  /** Builds the per-request context: the caller, fresh DataLoaders, the database. */
  readonly context: (request: IncomingMessage) => Promise<TContext>;
  readonly host?: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** String and ID lengths; the schema's `_entities` check takes the same (`buildSchema`). */
  readonly inputLimits?: InputLimits;
  /** What `GET /ready` checks (the database, its migrations); without it the subgraph is ready once it listens. */
  readonly ready?: () => Promise<ReadinessChecks>;
}

export interface RunningServer {
  /** Where the GraphQL endpoint listens, ending in /graphql. */
  readonly url: string;
  stop(): Promise<void>;
}

/** A context that records releases; its log must be written before the answer leaves. */
interface LoggingContext {
  readonly access?: { flush(): Promise<void> };
}

/**
 * Writes the request's access-log entries before the response is sent. If the log cannot be written,
 * the data is withheld: nothing leaves an owner without a record of it.
 */
const flushAccessLog: ApolloServerPlugin<BaseContext & LoggingContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (!contextValue.access) return;
        try {
          await contextValue.access.flush();
        } catch (error) {
          log().error(
            { err: { type: (error as Error)?.name, code: (error as { code?: unknown })?.code } },
            'access log could not be written; answer withheld',
          );
          if (response.body.kind === 'single') {
            response.body.singleResult = {
              errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }],
            };
          }
        }
      },
    };
  },
};

/**
 * `cache-control: no-store` on every answer, as Apollo's cache-control plugin sent it: no field of a
 * subgraph carries a cache hint, so its policy was never cacheable. The plugin itself ran a hook for every
 * resolved field to find that out, 3–4 % of a subgraph's CPU on the person view (issue 18's profile).
 */
const noStore: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/** Starts one subgraph over HTTP. Internal services: no landing page, no stack traces in answers. */
export async function startSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningServer> {
  const limits = options.inputLimits ?? DEFAULT_INPUT_LIMITS;
  const mask = maskUnexpectedErrors(options.name);
  const server = new ApolloServer<TContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    // As without NODE_ENV, which `npm start` now sets to production for the partners (graphql-js's
    // cheaper checks): introspection stays as it was.
    introspection: true,
    // The process owner (runSubgraph) handles signals: it must close the database after the server.
    stopOnTerminationSignals: false,
    // Bad input is checked before anything runs: literals with the document, variables once it is resolved.
    validationRules: [literalInputRule(limits)],
    formatError: (formatted, error) => mask(namedValidationError(formatted, error), error),
    // No Apollo Studio here: inline traces would only cost time on every response.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStore,
      variableInputPlugin(limits),
      flushAccessLog,
      requestRecordPlugin<TContext>(),
    ],
  });
  const ready = async () => ({ checks: options.ready ? await options.ready() : {} });
  const url = await listenSubgraph({
    name: options.name,
    server,
    context: options.context,
    probes: { service: options.name, ready },
    finished: ({ record, status, seconds }) =>
      observeSubgraphRequest(options.name, status, seconds, record.errorCodes, KNOWN_CODES),
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
  });
  return { url, stop: () => server.stop() };
}
