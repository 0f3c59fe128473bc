import { ApolloGateway, type SupergraphSdlHook } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { TokenVerifier } from '@ip/kit/identity';
import { formatGatewayError } from './format-error.ts';
import { loadPartnerConfig } from './config.ts';
import { createPartnerLinks, PartnerDataSource, type PartnerConfig } from './partner-data-source.ts';

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
}

export interface RunningGateway {
  readonly url: string;
  stop(): Promise<void>;
}

/** Request-scoped data the gateway forwards to every subgraph: the verified caller's own token. */
interface GatewayContext {
  readonly authorization: string;
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
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraph,
    buildService: ({ name, url }) =>
      new PartnerDataSource<GatewayContext>(partners.link(name), {
        url: subgraphUrl(name, options.subgraphUrls?.[name] ?? url),
        willSendRequest({ request, context }) {
          request.http?.headers.set('authorization', context.authorization);
        },
      }),
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    // main.ts handles signals; Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
    formatError: formatGatewayError,
    plugins: [ApolloServerPluginUsageReportingDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, ...(options.host ? { host: options.host } : {}) },
    // A request without a valid token is refused here with 401 before any subgraph is asked.
    context: async ({ req }) => {
      await options.verifyToken(req.headers.authorization);
      return { authorization: req.headers.authorization! };
    },
  });
  return {
    url: new URL('graphql', url).toString(),
    async stop() {
      await server.stop();
      await partners.close();
    },
  };
}
