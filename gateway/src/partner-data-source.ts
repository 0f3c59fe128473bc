import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { inClientSpan, log, secondsSince } from '@ip/observability';
import { GraphQLError } from 'graphql';
import { observePartnerFetch, watchBreaker } from './metrics.ts';
import { createPartnerBreaker, type BreakerSettings, type PartnerBreaker } from './partner-breaker.ts';
import { partnerUnreachable } from './partner-unreachable.ts';
import { createSubgraphFetcher, failureReason, type PartnerTimeouts } from './subgraph-fetcher.ts';

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
  readonly fetcher: Fetcher;
  readonly breaker: PartnerBreaker;
}

type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

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
      const { fetcher, close } = createSubgraphFetcher(config.timeouts[name] ?? config.defaults);
      const breaker = createPartnerBreaker(config.breaker, {
        now,
        onChange: (from, to) => logBreaker(name, from, to, config.breaker),
      });
      watchBreaker(name, () => breaker.state);
      const link = { name, fetcher, breaker, close };
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

/** A non-2xx answer, carried out of the base class's `sendRequest` so that `process` can judge it. */
class NonSuccessAnswer extends GraphQLError {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

function isGraphQLBody(body: unknown): body is SubgraphResponse {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  return (Array.isArray(errors) && errors.length > 0) || (typeof data === 'object' && data !== null);
}

/**
 * A subgraph as the gateway asks it, with its partner's timeouts and breaker. Apollo's data source turns
 * every non-2xx answer into a code-less `<status>: <statusText>` error (and a fetch failure into whatever
 * undici threw), so a subgraph refusing bad input looked like an internal error. Here:
 * - a GraphQL answer of any status is the partner's answer; its errors reach the client as the partner
 *   wrote them (`format-error.ts` decides which codes pass);
 * - a timeout, a failed connection, a 5xx or unreadable answer is `PARTNER_NICHT_ERREICHBAR` with its `grund`
 *   and counts against the breaker; a 4xx does not (the partner is up, the input was bad);
 * - an open breaker answers `SCHUTZSCHALTUNG_OFFEN` at once without asking.
 * `TContext` is any object: the gateway's context is an interface, which a `Record<string, unknown>`
 * would refuse, and the base class's `Record<string, any>` accepts every object.
 */
export class PartnerDataSource<TContext extends object> extends RemoteGraphQLDataSource<TContext> {
  private readonly link: PartnerLink;

  constructor(
    link: PartnerLink,
    config: {
      readonly url: string;
      willSendRequest?(options: GraphQLDataSourceProcessOptions<TContext>): void | Promise<void>;
    },
  ) {
    super({ ...config, fetcher: link.fetcher });
    this.link = link;
  }

  /** One fetch, measured and (with tracing on) a client span whose context travels as `traceparent`. */
  override async process(options: GraphQLDataSourceProcessOptions<TContext>): Promise<SubgraphResponse> {
    const start = performance.now();
    let grund: string | undefined;
    try {
      return await inClientSpan(`${this.link.name} fetch`, { 'ip.partner': this.link.name }, () => this.ask(options));
    } catch (error) {
      const extensions = error instanceof GraphQLError ? error.extensions : undefined;
      grund = typeof extensions?.['grund'] === 'string' ? extensions['grund'] : 'FEHLERANTWORT';
      throw error;
    } finally {
      observePartnerFetch(this.link.name, secondsSince(start), grund);
    }
  }

  private async ask(options: GraphQLDataSourceProcessOptions<TContext>): Promise<SubgraphResponse> {
    const { name, breaker } = this.link;
    if (!breaker.tryAcquire()) throw partnerUnreachable(name, 'SCHUTZSCHALTUNG_OFFEN');
    try {
      const response = await super.process(options);
      breaker.success();
      return response;
    } catch (error) {
      if (error instanceof NonSuccessAnswer && isGraphQLBody(error.body)) {
        if (error.status >= 500) breaker.failure();
        else breaker.success();
        return {
          ...(error.body.data !== undefined ? { data: error.body.data } : {}),
          ...(error.body.errors ? { errors: error.body.errors } : {}),
        };
      }
      if (error instanceof NonSuccessAnswer && error.status < 500) breaker.success();
      else breaker.failure();
      const grund = error instanceof NonSuccessAnswer ? 'FEHLERANTWORT' : failureReason(error);
      log().error({ partner: name, grund, cause: describe(error) }, `partner ${name} failed`);
      throw partnerUnreachable(name, grund);
    }
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await this.parseBody(response);
    return new NonSuccessAnswer(response.status, body);
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.name} ${error.message}${cause}`;
}
