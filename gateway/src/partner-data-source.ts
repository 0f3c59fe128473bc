import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { log, recordFor, secondsSince, startClientSpan, type RequestSpan } from '@ip/observability';
import { GraphQLError } from 'graphql';
import { observePartnerFetch, watchBreaker } from './metrics.ts';
import { createPartnerBreaker, type BreakerSettings, type PartnerBreaker } from './partner-breaker.ts';
import { partnerUnreachable } from './partner-unreachable.ts';
import {
  createSubgraphClient,
  failureReason,
  type PartnerPost,
  type PartnerTimeouts,
  type SubgraphClient,
} from './subgraph-fetcher.ts';

export interface PartnerConfig {
  /** Timeouts of a partner not named in `timeouts`. */
  readonly defaults: PartnerTimeouts;
  /** Per partner (subgraph) name, its own timeouts. */
  readonly timeouts: Readonly<Record<string, PartnerTimeouts>>;
  readonly breaker: BreakerSettings;
}

/** What the gateway keeps per partner across supergraph reloads: its connection pool and its breaker. */
export interface PartnerLink {
  readonly name: string;
  readonly client: SubgraphClient;
  readonly breaker: PartnerBreaker;
}

type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * The gateway builds new data sources on every supergraph reload; pools and breakers live here, once per
 * partner, and are closed with the gateway.
 */
export function createPartnerLinks(
  config: PartnerConfig,
  now: () => number = Date.now,
): { link(name: string): PartnerLink; close(): Promise<void> } {
  const links = new Map<string, PartnerLink & { close(): Promise<void> }>();
  return {
    link(name) {
      const known = links.get(name);
      if (known) return known;
      const client = createSubgraphClient(config.timeouts[name] ?? config.defaults);
      const breaker = createPartnerBreaker(config.breaker, {
        now,
        onChange: (from, to) => logBreaker(name, from, to, config.breaker),
      });
      watchBreaker(name, () => breaker.state);
      const link = { name, client, breaker, close: () => client.close() };
      links.set(name, link);
      return link;
    },
    async close() {
      await Promise.all([...links.values()].map((link) => link.close()));
      links.clear();
    },
  };
}

function logBreaker(partner: string, from: string, to: string, settings: BreakerSettings): void {
  if (to === 'OPEN' && from === 'CLOSED') {
    log().warn(
      { partner, circuit: to },
      `partner ${partner} failed ${settings.failureThreshold} times in a row; not asked for ${settings.cooldownMs} ms`,
    );
  } else if (to === 'OPEN') {
    log().warn(
      { partner, circuit: to },
      `partner ${partner} failed the probe; not asked for another ${settings.cooldownMs} ms`,
    );
  } else if (to === 'HALF_OPEN') {
    log().warn({ partner, circuit: to }, `partner ${partner} is probed with one request`);
  } else {
    log().warn({ partner, circuit: to }, `partner ${partner} answers again`);
  }
}

function isGraphQLBody(body: unknown): body is SubgraphResponse {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  return (Array.isArray(errors) && errors.length > 0) || (typeof data === 'object' && data !== null);
}

/** An answer that is no GraphQL JSON object (a 2xx with HTML, say): the partner's fault, not the client's. */
class NoGraphQLAnswer extends Error {
  constructor(status: number) {
    super(`HTTP ${status} without a GraphQL JSON answer`);
    this.name = 'NoGraphQLAnswer';
  }
}

/**
 * A subgraph as the gateway asks it, with its partner's timeouts and breaker. Apollo's
 * `RemoteGraphQLDataSource` turned every non-2xx answer into a code-less `<status>: <statusText>` error and
 * built node-fetch Headers and Request objects for every call; this data source posts the JSON itself
 * (`subgraph-fetcher.ts`). Here:
 * - a GraphQL answer of any status is the partner's answer; its errors reach the client as the partner
 *   wrote them (`format-error.ts` decides which codes pass);
 * - a timeout, a failed connection, a 5xx or unreadable answer is `PARTNER_NICHT_ERREICHBAR` with its `grund`
 *   and counts against the breaker; a 4xx does not (the partner is up, the input was bad);
 * - an open breaker answers `SCHUTZSCHALTUNG_OFFEN` at once without asking.
 * Cache-control headers of subgraphs are not read: no partner sends one, and the gateway sets no cache hints.
 * `TContext` is any object: the gateway's context is an interface, which a `Record<string, unknown>`
 * would refuse.
 */
export class PartnerDataSource<TContext extends object> {
  private readonly link: PartnerLink;
  private readonly post: PartnerPost;
  private readonly headers:
    | ((options: GraphQLDataSourceProcessOptions<TContext>, span: RequestSpan | undefined) => Record<string, string>)
    | undefined;

  constructor(
    link: PartnerLink,
    config: {
      readonly url: string;
      /**
       * Headers to send besides the content type, per request (the caller's token, say); `span` is the
       * fetch's client span (with tracing on), whose context goes along as `traceparent`.
       */
      readonly headers?: (
        options: GraphQLDataSourceProcessOptions<TContext>,
        span: RequestSpan | undefined,
      ) => Record<string, string>;
    },
  ) {
    this.link = link;
    this.post = link.client.endpoint(config.url);
    this.headers = config.headers;
  }

  /** One request, measured and (with tracing on) a client span whose context travels as `traceparent`. */
  async process(options: GraphQLDataSourceProcessOptions<TContext>): Promise<SubgraphResponse> {
    const start = performance.now();
    let grund: string | undefined;
    // The request's span is handed over, not found in the async context: the gateway runs without one.
    const { name } = this.link;
    const span = startClientSpan(`${name} fetch`, { 'ip.partner': name }, recordFor(options.context)?.span);
    try {
      return await this.ask(options, span);
    } catch (error) {
      const extensions = error instanceof GraphQLError ? error.extensions : undefined;
      grund = typeof extensions?.['grund'] === 'string' ? extensions['grund'] : 'FEHLERANTWORT';
      span?.fail(error);
      throw error;
    } finally {
      span?.end();
      observePartnerFetch(name, secondsSince(start), grund);
    }
  }

  private async ask(
    options: GraphQLDataSourceProcessOptions<TContext>,
    span: RequestSpan | undefined,
  ): Promise<SubgraphResponse> {
    const { name, breaker } = this.link;
    const { query, variables, operationName, extensions, http } = options.request;
    if (!query) throw new Error('Missing query');
    if (!breaker.tryAcquire()) throw partnerUnreachable(name, 'SCHUTZSCHALTUNG_OFFEN');
    const headers: Record<string, string> = {};
    // Headers the planner asked for (none unless tracing to Apollo, which is off), then ours.
    if (http?.headers) for (const [key, value] of http.headers) headers[key.toLowerCase()] = value;
    Object.assign(headers, this.headers?.(options, span), { 'content-type': 'application/json' });
    let status: number | undefined;
    try {
      const answer = await this.post(JSON.stringify({ query, variables, operationName, extensions }), headers);
      status = answer.status;
      // A 2xx answer is taken as it is if it is a JSON object, as Apollo's data source took it.
      if (status >= 200 && status < 300 && typeof answer.body === 'object' && answer.body !== null) {
        breaker.success();
        return answer.body;
      }
      if (isGraphQLBody(answer.body)) {
        if (status >= 500) breaker.failure();
        else breaker.success();
        return {
          ...(answer.body.data !== undefined ? { data: answer.body.data } : {}),
          ...(answer.body.errors ? { errors: answer.body.errors } : {}),
        };
      }
      throw new NoGraphQLAnswer(status);
    } catch (error) {
      if (status !== undefined && status >= 400 && status < 500) breaker.success();
      else breaker.failure();
      const grund = status !== undefined ? 'FEHLERANTWORT' : failureReason(error);
      log().error({ partner: name, grund, cause: describe(error) }, `partner ${name} failed`);
      throw partnerUnreachable(name, grund);
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.name} ${error.message}${cause}`;
}
