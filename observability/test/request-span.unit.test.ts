import { SpanKind, SpanStatusCode, TraceFlags } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureSpans } from '../src/testing.ts';
import { inServerSpan, injectTraceHeaders, startClientSpan } from '../src/tracing.ts';

/**
 * The gateway's own spans (`RequestSpan`): what the exporter reads of them and the `traceparent` they send
 * must be what the SDK's spans and its W3C propagator gave, or a collector's trace falls apart.
 */
let tracing: Awaited<ReturnType<typeof captureSpans>>;
beforeAll(async () => {
  tracing = await captureSpans({ asyncContext: false });
});
afterAll(() => tracing?.stop());

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER = '00f067aa0ba902b7';

/** A request span with one partner fetch under it; answers the headers the fetch would send. */
async function serve(headers: Record<string, string>): Promise<Record<string, string>> {
  const sent: Record<string, string> = { authorization: 'Bearer probe' };
  await inServerSpan('probe', headers, async (span) => {
    const fetch = startClientSpan('jobcenter fetch', { 'ip.partner': 'jobcenter' }, span);
    injectTraceHeaders(sent, undefined, fetch);
    fetch?.fail(new Error('timed out'));
    fetch?.end();
    span?.setAttribute('http.response.status_code', 200);
  });
  return sent;
}

describe('request spans', () => {
  it("continue the caller's trace and state, and hand both on to the partner", async () => {
    const before = tracing.spans().length;
    const sent = await serve({ traceparent: `00-${TRACE}-${CALLER}-01`, tracestate: 'vendor=a,other=b' });
    const [fetch, request] = tracing.spans().slice(before);
    const requestContext = request!.spanContext();
    const fetchContext = fetch!.spanContext();
    expect(Object.keys(requestContext)).toEqual(['traceId', 'spanId', 'traceFlags', 'traceState']);
    expect(requestContext).toMatchObject({ traceId: TRACE, traceFlags: TraceFlags.SAMPLED });
    expect(request!.parentSpanContext).toMatchObject({ traceId: TRACE, spanId: CALLER, isRemote: true });
    expect(fetch!.parentSpanContext).toBe(requestContext);
    expect(fetchContext.traceState?.serialize()).toBe('vendor=a,other=b');
    expect(sent).toEqual({
      authorization: 'Bearer probe',
      traceparent: `00-${TRACE}-${fetchContext.spanId}-01`,
      tracestate: 'vendor=a,other=b',
    });
    expect(request).toMatchObject({
      name: 'probe request',
      kind: SpanKind.SERVER,
      attributes: { 'ip.service': 'probe', 'http.response.status_code': 200 },
      status: { code: SpanStatusCode.UNSET },
      ended: true,
      links: [],
      events: [],
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    });
    expect(fetch).toMatchObject({
      name: 'jobcenter fetch',
      kind: SpanKind.CLIENT,
      attributes: { 'ip.partner': 'jobcenter' },
      status: { code: SpanStatusCode.ERROR, message: 'timed out' },
    });
    expect(request!.resource.attributes['service.name']).toBe('test');
    expect(request!.instrumentationScope.name).toBe('integration-point');
    // Times as the SDK's: the end is the start plus the duration, all [seconds, nanoseconds] of today.
    for (const span of [request!, fetch!]) {
      const [seconds, nanos] = span.startTime;
      expect(Math.abs(seconds * 1000 + nanos / 1e6 - Date.now())).toBeLessThan(60_000);
      const end = span.startTime[0] * 1e9 + span.startTime[1] + span.duration[0] * 1e9 + span.duration[1];
      expect(Math.abs(end - (span.endTime[0] * 1e9 + span.endTime[1]))).toBeLessThan(2e3);
      for (const time of [span.startTime, span.endTime, span.duration]) expect(time[1]).toBeLessThan(1e9);
    }
  });

  it("start a trace of their own without a caller's, with a context of three keys", async () => {
    const before = tracing.spans().length;
    const sent = await serve({});
    const [fetch, request] = tracing.spans().slice(before);
    expect(Object.keys(request!.spanContext())).toEqual(['traceId', 'spanId', 'traceFlags']);
    expect(request!.parentSpanContext).toBeUndefined();
    expect(fetch!.spanContext().traceId).toBe(request!.spanContext().traceId);
    expect(sent).toEqual({
      authorization: 'Bearer probe',
      traceparent: `00-${request!.spanContext().traceId}-${fetch!.spanContext().spanId}-01`,
    });
  });

  it('record nothing of an unsampled trace, and pass it on unsampled', async () => {
    const before = tracing.spans().length;
    const sent = await serve({ traceparent: `00-${TRACE}-${CALLER}-00` });
    expect(tracing.spans().slice(before)).toEqual([]);
    expect(sent['traceparent']).toMatch(new RegExp(`^00-${TRACE}-[0-9a-f]{16}-00$`));
  });

  it('have ids of lowercase hex, each new, over several draws of random bytes', async () => {
    const before = tracing.spans().length;
    for (let request = 0; request < 400; request += 1) await serve({});
    const contexts = tracing
      .spans()
      .slice(before)
      .map((span) => span.spanContext());
    expect(contexts).toHaveLength(800);
    const spanIds = new Set(contexts.map((context) => context.spanId));
    const traceIds = new Set(contexts.map((context) => context.traceId));
    expect(spanIds.size).toBe(800);
    expect(traceIds.size).toBe(400);
    for (const id of spanIds) expect(id).toMatch(/^(?!0{16})[0-9a-f]{16}$/);
    for (const id of traceIds) expect(id).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
  });
});
