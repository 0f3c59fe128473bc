import { randomFillSync } from 'node:crypto';
import {
  context,
  createTraceState,
  defaultTextMapSetter,
  propagation,
  INVALID_SPAN_CONTEXT,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type AttributeValue,
  type HrTime,
  type Span,
  type SpanContext,
  type SpanStatus,
  type Tracer,
} from '@opentelemetry/api';
import type { ReadableSpan, Sampler, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { log } from './logger.ts';
import { DEFAULT_TRACE_SAMPLER, type TraceSamplerSetting } from './settings.ts';

/**
 * OpenTelemetry traces with W3C trace context (`traceparent`), written by hand at the few places that
 * matter: the request a service serves, each partner fetch of the gateway, each SQL statement. Without a
 * collector configured no SDK starts: the spans below are skipped by one flag test, and Apollo Gateway's
 * go to the API's no-op tracer.
 *
 * A request's span and the gateway's partner fetch spans are `RequestSpan`s of this module, handed to the
 * SDK's span processor (batching, OTLP export) when they end; the SQL spans and the Agentur's graph query
 * are the SDK's own, in the async context.
 */

let active = false;
/** Whether the request's span is put in the async context (`TracingOptions.asyncContext`). */
let asyncContext = true;
/** Where a `RequestSpan` goes when it ends: the processor the SDK's own spans go to. */
let processor: SpanProcessor | undefined;
/** The provider's resource and scope, taken from a span of its own: the exporter groups spans by them. */
let origin: Pick<ReadableSpan, 'resource' | 'instrumentationScope'> | undefined;
/**
 * Taken from the provider at each start, not from the global API once at load: the API's proxy tracer keeps
 * the first provider it met, and a test process (one module graph for many files) starts several.
 */
let tracer: Tracer = trace.getTracer('integration-point');
/**
 * Whether the configured sampler records a span, when it is not the default (parent based, always on),
 * which `RequestSpan` decides by itself without asking: a ratio of new traces, or none, as
 * `OTEL_TRACES_SAMPLER` says.
 */
let sampled:
  | ((
      parent: SpanContext | undefined,
      traceId: string,
      name: string,
      kind: SpanKind,
      attributes: Attributes,
    ) => boolean)
  | undefined;

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
  /** Which traces are recorded (`OTEL_TRACES_SAMPLER`); left out, every new trace and every sampled caller's. */
  readonly sampler?: TraceSamplerSetting;
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
 * The exports of a CommonJS package loaded with `import()`: Node gives them by name and as `default` (the
 * whole `module.exports`), but in `npm start`'s bundle esbuild puts such a package in a chunk of its own
 * that exports only `default`, where the names were undefined and a service with a collector configured
 * crashed at start (`OTLPTraceExporter is not a constructor`).
 */
function commonJsExports<T extends object>(module: T): T {
  return (module as { default?: T }).default ?? module;
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
    {
      AlwaysOffSampler,
      AlwaysOnSampler,
      BatchSpanProcessor,
      NodeTracerProvider,
      ParentBasedSampler,
      SamplingDecision,
      SimpleSpanProcessor,
      TraceIdRatioBasedSampler,
    },
  ] = await Promise.all([
    import('@opentelemetry/exporter-trace-otlp-http').then(commonJsExports),
    import('@opentelemetry/resources').then(commonJsExports),
    import('@opentelemetry/sdk-trace-node').then(commonJsExports),
  ]);
  const spanProcessor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter());
  class ServiceTracerProvider extends NodeTracerProvider {
    override getTracer(name: string, version?: string, tracerOptions?: { schemaUrl?: string }): Tracer {
      return name === APOLLO_GATEWAY_SCOPE ? quietTracer : super.getTracer(name, version, tracerOptions);
    }
  }
  // Built here, not by the SDK from the environment, so that the request spans decide with the same one.
  const { name = DEFAULT_TRACE_SAMPLER, ratio = 1 } = options.sampler ?? {};
  const root = name.endsWith('always_off')
    ? new AlwaysOffSampler()
    : name.endsWith('traceidratio')
      ? new TraceIdRatioBasedSampler(ratio)
      : new AlwaysOnSampler();
  const configured = name.startsWith('parentbased_') ? new ParentBasedSampler({ root }) : root;
  // Always on until the origin span below is made: only a recorded span carries the provider's resource.
  let deciding: Sampler = new AlwaysOnSampler();
  const provider = new ServiceTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.service }),
    spanProcessors: [spanProcessor],
    sampler: { shouldSample: (...args) => deciding.shouldSample(...args), toString: () => configured.toString() },
  });
  // Registers the provider, the W3C propagators and (unless left out) AsyncLocalStorage as the context manager.
  provider.register(options.asyncContext === false ? { contextManager: null } : {});
  tracer = provider.getTracer('integration-point');
  // Started and never ended, so never exported: only its resource and scope are read.
  origin = tracer.startSpan('origin') as unknown as ReadableSpan;
  deciding = configured;
  processor = spanProcessor;
  sampled =
    name === DEFAULT_TRACE_SAMPLER
      ? undefined
      : (parent, traceId, spanName, kind, attributes) =>
          configured.shouldSample(
            parent ? trace.setSpanContext(ROOT_CONTEXT, parent) : ROOT_CONTEXT,
            traceId,
            spanName,
            kind,
            attributes,
            [],
          ).decision === SamplingDecision.RECORD_AND_SAMPLED;
  asyncContext = options.asyncContext !== false;
  active = true;
  return {
    async shutdown() {
      active = false;
      sampled = undefined;
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

/**
 * Random bytes drawn a few KiB at a time and written out as hex at once: a trace id takes 32 of its
 * characters, a span id 16. A slice of one string per id instead of a `Buffer#toString` call into C++ each.
 */
const randomBytes = Buffer.alloc(4096);
let randomHex = '';
let hexUsed = 0;

/** A new id of `bytes` random bytes in lowercase hex, never all zeros (W3C: an invalid id). */
function randomId(bytes: 8 | 16): string {
  const length = bytes * 2;
  if (hexUsed + length > randomHex.length) {
    randomHex = randomFillSync(randomBytes).toString('hex');
    hexUsed = 0;
  }
  const id = randomHex.slice(hexUsed, (hexUsed += length));
  return id === (bytes === 8 ? INVALID_SPAN_CONTEXT.spanId : INVALID_SPAN_CONTEXT.traceId) ? randomId(bytes) : id;
}

/** As `W3CTraceContextPropagator` reads it: version not `ff`, ids not all zeros, nothing after version 00's flags. */
const TRACEPARENT = /^\s?((?!ff)[\da-f]{2})-((?![0]{32})[\da-f]{32})-((?![0]{16})[\da-f]{16})-([\da-f]{2})(-.*)?\s?$/;

type Headers = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The caller's span context from `traceparent` and `tracestate`, exactly as the SDK's W3C propagator extracts it. */
function remoteParent(headers: Headers): SpanContext | undefined {
  const header = headers['traceparent'];
  const value = typeof header === 'string' ? header : header?.[0];
  const match = value === undefined ? null : TRACEPARENT.exec(value);
  if (!match || (match[1] === '00' && match[5])) return undefined;
  const state = headers['tracestate'];
  const traceState = typeof state === 'string' ? state : state?.join(',');
  return {
    traceId: match[2]!,
    spanId: match[3]!,
    traceFlags: parseInt(match[4]!, 16),
    isRemote: true,
    ...(traceState ? { traceState: createTraceState(traceState) } : {}),
  };
}

// Shared by every span, never changed: a span replaces them, so none is allocated per span.
const NO_LINKS: ReadableSpan['links'] = [];
const NO_EVENTS: ReadableSpan['events'] = [];
const UNSET: SpanStatus = { code: SpanStatusCode.UNSET };
const NOT_ENDED: HrTime = [0, 0];

/** Epoch milliseconds as OpenTelemetry's `[seconds, nanoseconds]`. */
function hrTime(ms: number): HrTime {
  const seconds = Math.floor(ms / 1000);
  return [seconds, Math.min(999_999_999, Math.round((ms - seconds * 1000) * 1e6))];
}

/**
 * A service's request span or one of the gateway's partner fetches, made here instead of by the SDK's
 * tracer: the SDK's span (its sampler, limits, attribute checks, time corrections and the API's context
 * objects around it) cost the gateway about 5 % of its CPU per person view (issue 16). With the default
 * sampler (parent based, always on) it decides by itself: a child of a sampled span or a new trace is
 * recorded, a child of an unsampled one is not, and its context still travels on with the flag unset.
 * Another sampler (`OTEL_TRACES_SAMPLER`) is asked, the same one the SDK's spans ask; what it does not
 * sample is not recorded. Ended, it is itself the `ReadableSpan` the SDK's processor batches and exports.
 */
export class RequestSpan implements ReadableSpan {
  readonly name: string;
  readonly kind: SpanKind;
  readonly parentSpanContext?: SpanContext;
  readonly attributes: Attributes;
  status = UNSET;
  startTime = NOT_ENDED;
  endTime = NOT_ENDED;
  duration = NOT_ENDED;
  ended = false;
  readonly links = NO_LINKS;
  readonly events = NO_EVENTS;
  readonly resource = origin!.resource;
  readonly instrumentationScope = origin!.instrumentationScope;
  readonly droppedAttributesCount = 0;
  readonly droppedEventsCount = 0;
  readonly droppedLinksCount = 0;
  private readonly context: SpanContext;
  private readonly startedAt = Date.now();
  private readonly started = performance.now();

  constructor(name: string, kind: SpanKind, attributes: Attributes, parent: SpanContext | undefined) {
    this.name = name;
    this.kind = kind;
    this.attributes = attributes;
    if (parent) this.parentSpanContext = parent;
    const traceId = parent?.traceId ?? randomId(16);
    const spanId = randomId(8);
    const recorded = sampled
      ? sampled(parent, traceId, name, kind, attributes)
      : !parent || (parent.traceFlags & TraceFlags.SAMPLED) !== 0;
    const traceFlags = recorded ? TraceFlags.SAMPLED : TraceFlags.NONE;
    // Without a trace state the context has no such key, as the SDK's; no temporary object to spread.
    this.context = parent?.traceState
      ? { traceId, spanId, traceFlags, traceState: parent.traceState }
      : { traceId, spanId, traceFlags };
  }

  spanContext(): SpanContext {
    return this.context;
  }

  setAttribute(key: string, value: AttributeValue): void {
    this.attributes[key] = value;
  }

  /** Marks the span failed, with the error's message (as the SDK's spans of a failed fetch were). */
  fail(error: unknown): void {
    this.status = { code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) };
  }

  /** `traceparent` and (if the trace has one) `tracestate` of this span, as the W3C propagator writes them. */
  inject(headers: Record<string, string>): void {
    const { traceId, spanId, traceFlags, traceState } = this.context;
    // The flags are only ever sampled or not (the constructor sets them), so no number is formatted.
    headers['traceparent'] = `00-${traceId}-${spanId}-${(traceFlags & TraceFlags.SAMPLED) === 0 ? '00' : '01'}`;
    if (traceState) headers['tracestate'] = traceState.serialize();
  }

  /** Dates the span and hands it to the processor; a span of an unsampled trace is not recorded. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if ((this.context.traceFlags & TraceFlags.SAMPLED) === 0) return;
    const ms = performance.now() - this.started;
    this.startTime = hrTime(this.startedAt);
    this.endTime = hrTime(this.startedAt + ms);
    this.duration = hrTime(ms);
    processor?.onEnd(this);
  }
}

/**
 * Runs `work` inside a server span that continues the caller's trace (the `traceparent` of `headers`),
 * named after the service; `work` receives the span (undefined without tracing) to add what is known only
 * at the end. With an async context the span is the active one while `work` runs (a subgraph's SQL spans
 * find it there).
 */
export async function inServerSpan<T>(
  service: string,
  headers: Headers,
  work: (span: RequestSpan | undefined) => Promise<T>,
): Promise<T> {
  if (!active) return work(undefined);
  const span = new RequestSpan(`${service} request`, SpanKind.SERVER, { 'ip.service': service }, remoteParent(headers));
  try {
    return await (asyncContext
      ? context.with(trace.setSpanContext(context.active(), span.spanContext()), work, undefined, span)
      : work(span));
  } finally {
    span.end();
  }
}

/**
 * A client span (a gateway's partner fetch), a child of `parent` if given, else of the active span (none
 * without an async context); undefined without tracing. The caller ends it.
 */
export function startClientSpan(
  name: string,
  attributes: Attributes,
  parent: RequestSpan | undefined,
): RequestSpan | undefined {
  if (!active) return undefined;
  const parentContext = parent?.spanContext() ?? trace.getSpanContext(context.active());
  return new RequestSpan(name, SpanKind.CLIENT, attributes, parentContext);
}

/**
 * Runs `work` in one of the SDK's client spans (the Agentur's question to the graph), a child of the
 * active span; `injectTraceHeaders` then sends its context.
 */
export async function inClientSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
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
 * Sets `traceparent` (and `tracestate`) of `span`, else of the active span, in an outgoing request's
 * `headers`. Without tracing, the caller's own `traceparent` (if any) is passed on as it came, so every
 * service's log line names its trace.
 */
export function injectTraceHeaders(
  headers: Record<string, string>,
  incoming: string | undefined,
  span?: RequestSpan,
): void {
  if (span) span.inject(headers);
  else if (active) propagation.inject(context.active(), headers, defaultTextMapSetter);
  else if (incoming !== undefined) headers['traceparent'] = incoming;
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
