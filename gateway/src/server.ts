import { ApolloGateway, type SupergraphSdlHook } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { TokenVerifier } from '@ip/kit/identity';
import {
  bindRecord,
  injectTraceHeaders,
  recordFor,
  REQUEST_ID_HEADER,
  requestRecordPlugin,
  traceIdOf,
} from '@ip/observability';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { loadEdgeConfig, loadPartnerConfig, type EdgeConfig } from './config.ts';
import { createExplorer, type ExplorerOptions } from './explorer/explorer.ts';
import { formatGatewayError } from './format-error.ts';
import { listenHttp } from './http-server.ts';
import { observeGatewayRequest } from './metrics.ts';
import { gatewayReadiness, knownOperationNames } from './readiness.ts';
import {
  costLimitPlugin,
  formatLimitError,
  limitParseOptions,
  limitValidationRules,
  limitPrecheck,
} from './limits/request-limits.ts';
import { createPartnerLinks, PartnerDataSource, type PartnerConfig } from './partner-data-source.ts';
import { loadTrustedDocuments } from './trusted-documents.ts';

export { loadEdgeConfig, type EdgeConfig } from './config.ts';
export { documentHash } from './trusted-documents.ts';
export { explorerOptions, type ExplorerOptions, type ExplorerTokenIssuer } from './explorer/explorer.ts';

export interface GatewayOptions {
  /** The supergraph: a fixed SDL (tests) or a hook that loads and reloads it (the file in production). */
  readonly supergraph: string | SupergraphSdlHook;
  /** Per subgraph name, a URL that replaces the one written in the supergraph. */
  readonly subgraphUrls?: Readonly<Record<string, string>>;
  /** Per partner timeouts and breaker; the configuration's defaults when left out. */
  readonly partners?: PartnerConfig;
  /** Checks the bearer token of every request; the subgraphs check it again themselves. */
  readonly verifyToken: TokenVerifier;
  readonly port: number;
  readonly host?: string;
  /** Request limits, body size, caches and trusted documents; the defaults when left out. */
  readonly edge?: EdgeConfig;
  /** The offline explorer at `/explorer/`; left out, the gateway serves none. */
  readonly explorer?: ExplorerOptions;
}

export interface RunningGateway {
  readonly url: string;
  stop(): Promise<void>;
}

/** Request-scoped data the gateway forwards to every subgraph: the verified caller's own token and the request id. */
interface GatewayContext {
  readonly authorization: string;
  readonly requestId: string | undefined;
  /** The caller's `traceparent` if it carried a valid one. */
  readonly traceparent: string | undefined;
}

function subgraphUrl(name: string, url: string | undefined): string {
  if (!url) throw new Error(`the supergraph names no URL for subgraph ${name}; set ${name.toUpperCase()}_URL`);
  return url;
}

/**
 * Apollo Gateway exports anonymous usage metrics to Apollo and probes cloud metadata endpoints (AWS, GCP,
 * Azure) when it is constructed, unless this variable is set. An Integration Point sends nothing to third
 * parties, so the gateway sets it itself; the library reads no other switch.
 */
function disableVendorTelemetry(): void {
  process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  disableVendorTelemetry();
  const partners = createPartnerLinks(options.partners ?? loadPartnerConfig({}));
  const edge = options.edge ?? loadEdgeConfig({});
  const trustedDocuments = edge.trustedDocumentsPath
    ? await loadTrustedDocuments(edge.trustedDocumentsPath)
    : undefined;
  const knownOperations = await knownOperationNames(trustedDocuments);
  const partnerUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraph,
    // Bounded by Apollo's default too (30 MiB); said here so it is configuration, not a library's choice.
    experimental_approximateQueryPlanStoreMiB: edge.queryPlanCacheMiB,
    buildService: ({ name, url }) => {
      const partnerUrl = subgraphUrl(name, options.subgraphUrls?.[name] ?? url);
      partnerUrls.set(name, partnerUrl);
      return new PartnerDataSource<GatewayContext>(partners.link(name), {
        url: partnerUrl,
        headers(sent, span) {
          // Health checks and schema loads carry no caller; only an operation (the kind that has an incoming
          // request; the kind enum is not exported) forwards its caller's token.
          if (!('incomingRequestContext' in sent)) return {};
          const headers: Record<string, string> = { authorization: sent.context.authorization };
          // The partner's log line and spans join this request's: same request id, same trace.
          if (sent.context.requestId) headers[REQUEST_ID_HEADER] = sent.context.requestId;
          injectTraceHeaders(headers, sent.context.traceparent, span);
          return headers;
        },
      });
    },
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    // main.ts handles signals; Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => formatLimitError(formatted, error) ?? formatGatewayError(formatted, error),
    // Limits before planning: tokens while parsing, depth/aliases/directives while validating, cost once
    // the variables are known; the gateway plans only after all of them passed.
    parseOptions: limitParseOptions(edge.limits),
    validationRules: limitValidationRules(edge.limits),
    documentStore: new InMemoryLRUCache<DocumentNode>({ maxSize: edge.documentCacheMiB * 2 ** 20 }),
    // In production mode only registered documents run: a client must not register its own (APQ).
    ...(trustedDocuments ? { persistedQueries: false as const } : {}),
    // Apollo's landing page loads Sandbox from Apollo's CDN: blank on an intranet, and a request leaving it.
    plugins: [
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      costLimitPlugin(edge.limits),
      requestRecordPlugin<GatewayContext>(),
    ],
  });
  let apiSchema: GraphQLSchema | undefined;
  const precheck = limitPrecheck(edge.limits);
  const unsubscribe = gateway.onSchemaLoadOrUpdate((schemaContext) => (apiSchema = schemaContext.apiSchema));
  await server.start();
  const listener = await listenHttp({
    server,
    maxBodyBytes: edge.maxBodyBytes,
    trustedDocuments,
    precheck: (query) => (apiSchema ? precheck(apiSchema, query) : []),
    explorer: options.explorer && createExplorer(options.explorer),
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
    // A request without a valid token is refused here with 401 before any subgraph is asked.
    context: async (request) => {
      const record = recordFor(request);
      const caller = await options.verifyToken(request.headers.authorization).catch((error: unknown) => {
        record?.errorCodes.add('UNAUTHENTICATED');
        throw error;
      });
      const { traceparent } = request.headers;
      const context: GatewayContext = {
        authorization: request.headers.authorization!,
        requestId: record?.requestId,
        traceparent: traceIdOf(traceparent) ? (traceparent as string) : undefined,
      };
      if (record) {
        record.agency = caller.agency;
        record.role = caller.role;
        bindRecord(context, record);
      }
      return context;
    },
    probes: { service: 'gateway', ready: () => gatewayReadiness(apiSchema !== undefined, partnerUrls, partners) },
    finished: ({ record, status, seconds }) =>
      observeGatewayRequest(record.operation, knownOperations, status, seconds, record.errorCodes),
  });
  return {
    url: listener.url,
    async stop() {
      await listener.close();
      unsubscribe();
      await server.stop();
      await partners.close();
    },
  };
}
