import {
  context,
  propagation,
  INVALID_SPAN_CONTEXT,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-node';
import { log } from './logger.ts';

/**
 * OpenTelemetry traces with W3C trace context (`traceparent`), written by hand at the few places that
 * matter: the request a service serves, each partner fetch of the gateway, each SQL statement. Without a
 * collector configured no SDK starts: the spans below are skipped by one flag test, and Apollo Gateway's
 * go to the API's no-op tracer.
 */

let active = false;
/**
 * Taken from the provider at each start, not from the global API once at load: the API's proxy tracer keeps
 * the first provider it met, and a test process (one module graph for many files) starts several.
 */
let tracer: Tracer = trace.getTracer('integration-point');

export interface Tracing {
  /** Sends what is still buffered and stops the SDK. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** `service.name` of the resource: which service the spans come from. */
  readonly service: string;
  /** The collector's base URL (`OTEL_EXPORTER_OTLP_ENDPOINT`); the exporter reads its other OTEL_* settings itself. */
  readonly endpoint?: string | undefined;
  /** Instead of OTLP: an exporter the test reads (spans are handed over at once, not batched). */
  readonly exporter?: SpanExporter;
  /**
   * Whether a span finds its parent in the async context (AsyncLocalStorage), default true: a subgraph's
   * SQL statement finds its request's span that way. Node 20 pays for it on every promise of the process
   * (async hooks), a cost the gateway does not take: it hands each partner fetch its parent itself.
   */
  readonly asyncContext?: boolean;
}

/** Apollo Gateway's instrumentation scope (`@apollo/gateway` dist/utilities/opentelemetry.js). */
const APOLLO_GATEWAY_SCOPE = 'apollo/gateway-js';

/**
 * What Apollo Gateway's spans (request, validate, plan, execute, postprocessing, and one per fetch) get: a
 * span that records nothing and leaves the async context as it is. They were more than half of the
 * gateway's spans, each recorded and exported, and they need the async context to nest; what they say the
 * trace still says: the request's span and one span per partner fetch (ours), the partner's spans under it.
 */
const quietSpan = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
const quietTracer: Tracer = {
  startSpan: () => quietSpan,
  // The callback is the last argument in each of the API's overloads.
  startActiveSpan: (...args: unknown[]) => (args.at(-1) as (span: Span) => unknown)(quietSpan),
};

/**
 * Starts the SDK when an endpoint or an exporter is given; otherwise nothing starts and nothing is paid,
 * not even loading it: the SDK and the exporter are a megabyte of code every service would load at start.
 */
export async function startTracing(options: TracingOptions): Promise<Tracing> {
  if (!options.endpoint && !options.exporter) return { shutdown: async () => {} };
  const [
    { OTLPTraceExporter },
    { resourceFromAttributes },
    { BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor },
  ] = await Promise.all([
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace-node'),
  ]);
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter());
  class ServiceTracerProvider extends NodeTracerProvider {
    override getTracer(name: string, version?: string, tracerOptions?: { schemaUrl?: string }): Tracer {
      return name === APOLLO_GATEWAY_SCOPE ? quietTracer : super.getTracer(name, version, tracerOptions);
    }
  }
  const provider = new ServiceTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.service }),
    spanProcessors: [processor],
  });
  // Registers the provider, the W3C propagators and (unless left out) AsyncLocalStorage as the context manager.
  provider.register(options.asyncContext === false ? { contextManager: null } : {});
  tracer = provider.getTracer('integration-point');
  active = true;
  return {
    async shutdown() {
      active = false;
      // The last batch goes to the collector now; a collector that is down must not turn a clean stop
      // into a crash (the services stop from a signal handler, where a rejection is unhandled).
      await provider
        .shutdown()
        .catch((error: unknown) =>
          log().warn(
            { err: { type: (error as Error)?.name, code: (error as { code?: unknown })?.code } },
            'traces still buffered could not be sent to the collector',
          ),
        );
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

export function tracingActive(): boolean {
  return active;
}

type HeaderGetter = (name: string) => string | string[] | undefined;

/**
 * Runs `work` inside a server span that continues the caller's trace (its `traceparent`), named after the
 * service; `work` receives the span (undefined without tracing) to add what is known only at the end.
 */
export async function inServerSpan<T>(
  service: string,
  header: HeaderGetter,
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!active) return work(undefined);
  const parent = propagation.extract(context.active(), header, {
    get: (carrier, key) => {
      const value = carrier(key);
      return Array.isArray(value) ? value[0] : value;
    },
    keys: () => ['traceparent', 'tracestate'],
  });
  return tracer.startActiveSpan(
    `${service} request`,
    { kind: SpanKind.SERVER, attributes: { 'ip.service': service } },
    parent,
    async (span) => {
      try {
        return await work(span);
      } finally {
        span.end();
      }
    },
  );
}

/**
 * Runs `work` in a client span (a partner fetch), a child of `parent` if given, else of the active span;
 * `injectTraceHeaders` then sends the client span's context (`work` receives the span for that).
 */
export async function inClientSpan<T>(
  name: string,
  attributes: Record<string, string>,
  work: (span: Span | undefined) => Promise<T>,
  parent?: Span,
): Promise<T> {
  if (!active) return work(undefined);
  const parentContext = parent ? trace.setSpan(context.active(), parent) : context.active();
  return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, parentContext, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Sets `traceparent` (and `tracestate`) of `span`, else of the active span, on an outgoing request. Without
 * tracing, the caller's own `traceparent` (if any) is passed on as it came, so every service's log line
 * names its trace.
 */
export function injectTraceHeaders(
  set: (name: string, value: string) => void,
  incoming: string | undefined,
  span?: Span,
): void {
  if (active) {
    const from: Context = span ? trace.setSpan(ROOT_CONTEXT, span) : context.active();
    propagation.inject(from, undefined, { set: (_carrier, key, value) => set(key, value) });
  } else if (incoming !== undefined) set('traceparent', incoming);
}

/**
 * A span for a statement that has just finished, dated back by its duration: Kysely reports a statement
 * after it ran, in the async context of the resolver that ran it, so the span lands under that request.
 * The text has placeholders, never the values. Statements outside a request are not traced.
 */
export function recordSqlSpan(statement: string, durationMs: number, failed: boolean): void {
  // Only statements of a request: a migration or a background read (the Familienkasse's figures, every 30 s)
  // would otherwise be a trace of its own each time, noise in the operator's trace store.
  if (!active || trace.getActiveSpan() === undefined) return;
  const end = performance.timeOrigin + performance.now();
  const operation = /^\s*(\w+)/.exec(statement)?.[1]?.toUpperCase() ?? 'SQL';
  const span = tracer.startSpan(operation, {
    kind: SpanKind.CLIENT,
    startTime: end - durationMs,
    attributes: { 'db.system.name': 'postgresql', 'db.operation.name': operation, 'db.query.text': statement },
  });
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end(end);
}

/** The trace id of the active span, for the request's log line; undefined without tracing. */
export function activeTraceId(): string | undefined {
  if (!active) return undefined;
  return trace.getActiveSpan()?.spanContext().traceId;
}

export type { Span, SpanExporter };
