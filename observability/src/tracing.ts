import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-node';

/**
 * OpenTelemetry traces with W3C trace context (`traceparent`), written by hand at the few places that
 * matter: the request a service serves, each partner fetch of the gateway, each SQL statement. Apollo
 * Gateway adds its own spans (plan, execute, fetch) to the same trace. Without a collector configured no
 * SDK starts: the spans below are skipped by one flag test, and Apollo's go to the API's no-op tracer.
 */

let active = false;
const tracer = trace.getTracer('integration-point');

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
}

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
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.service }),
    spanProcessors: [processor],
  });
  // Registers the provider, AsyncLocalStorage as the context manager and the W3C propagators.
  provider.register();
  active = true;
  return {
    async shutdown() {
      active = false;
      await provider.shutdown();
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

/** Runs `work` in a client span (a partner fetch); its context is what `traceHeaders` then injects. */
export async function inClientSpan<T>(
  name: string,
  attributes: Record<string, string>,
  work: () => Promise<T>,
): Promise<T> {
  if (!active) return work();
  return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Sets `traceparent` (and `tracestate`) of the active span on an outgoing request. Without tracing, the
 * caller's own `traceparent` (if any) is passed on as it came, so every service's log line names its trace.
 */
export function injectTraceHeaders(set: (name: string, value: string) => void, incoming: string | undefined): void {
  if (active) propagation.inject(context.active(), undefined, { set: (_carrier, key, value) => set(key, value) });
  else if (incoming !== undefined) set('traceparent', incoming);
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
