import { ROOT_CONTEXT } from '@opentelemetry/api';
import { SamplingDecision, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-node';
import { afterEach, describe, expect, it } from 'vitest';
import { observabilitySettings, type TraceSamplerSetting } from '../src/settings.ts';
import { captureSpans } from '../src/testing.ts';
import { inClientSpan, inServerSpan, injectTraceHeaders, startClientSpan } from '../src/tracing.ts';

/**
 * `OTEL_TRACES_SAMPLER` decides for the request and fetch spans (`RequestSpan`) as for the SDK's own: an
 * operator who asks for one trace in ten gets one in ten, and a trace not recorded still travels on with
 * its sampled flag unset, so the partners record nothing of it either.
 */
let tracing: Awaited<ReturnType<typeof captureSpans>> | undefined;
afterEach(async () => {
  await tracing?.stop();
  tracing = undefined;
});

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

/** A request with one partner fetch; answers the `traceparent` the fetch sent. */
async function serve(headers: Record<string, string>): Promise<string> {
  const sent: Record<string, string> = {};
  await inServerSpan('probe', headers, async (span) => {
    const fetch = startClientSpan('jobcenter fetch', { 'ip.partner': 'jobcenter' }, span);
    injectTraceHeaders(sent, undefined, fetch);
    fetch?.end();
  });
  return sent['traceparent']!;
}

async function start(sampler: TraceSamplerSetting): Promise<NonNullable<typeof tracing>> {
  tracing = await captureSpans({ asyncContext: false, sampler });
  return tracing;
}

describe('the trace sampler', () => {
  it('records the new traces the SDK ratio sampler picks, and passes the others on unsampled', async () => {
    const capture = await start({ name: 'parentbased_traceidratio', ratio: 0.5 });
    const reference = new TraceIdRatioBasedSampler(0.5);
    const sent = [];
    for (let request = 0; request < 200; request += 1) sent.push(await serve({}));
    const picked = sent.filter((traceparent) => {
      const traceId = traceparent.split('-')[1]!;
      const decision = reference.shouldSample(ROOT_CONTEXT, traceId);
      expect(traceparent.endsWith(decision.decision === SamplingDecision.RECORD_AND_SAMPLED ? '-01' : '-00')).toBe(
        true,
      );
      return traceparent.endsWith('-01');
    });
    // Some of either kind: a sampler that took all or none would not be a ratio.
    expect(picked.length).toBeGreaterThan(50);
    expect(picked.length).toBeLessThan(150);
    const recorded = new Set(capture.spans().map((span) => span.spanContext().traceId));
    expect(capture.spans()).toHaveLength(2 * picked.length);
    expect(recorded).toEqual(new Set(picked.map((traceparent) => traceparent.split('-')[1])));
  });

  it("follows a caller's decision when parent based, whatever the ratio", async () => {
    const capture = await start({ name: 'parentbased_traceidratio', ratio: 0 });
    expect(await serve({})).toMatch(/-00$/);
    expect(capture.spans()).toHaveLength(0);
    expect(await serve({ traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` })).toMatch(
      new RegExp(`^00-${CALLER_TRACE}-[0-9a-f]{16}-01$`),
    );
    expect(capture.spans()).toHaveLength(2);
  });

  it("records nothing with always_off, not even a sampled caller or the SDK's own spans", async () => {
    const capture = await start({ name: 'always_off', ratio: 1 });
    expect(await serve({ traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` })).toMatch(/-00$/);
    expect(await serve({})).toMatch(/-00$/);
    await inClientSpan('graph query', {}, async () => {});
    expect(capture.spans()).toHaveLength(0);
  });

  it('records every trace by default', async () => {
    const capture = await start(observabilitySettings({}).traceSampler);
    for (let request = 0; request < 20; request += 1) expect(await serve({})).toMatch(/-01$/);
    await inClientSpan('graph query', {}, async () => {});
    expect(capture.spans()).toHaveLength(41);
  });
});

describe('OTEL_TRACES_SAMPLER and its argument', () => {
  it.each([
    [{}, { name: 'parentbased_always_on', ratio: 1 }],
    [
      { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' },
      { name: 'parentbased_traceidratio', ratio: 0.1 },
    ],
    [{ OTEL_TRACES_SAMPLER: 'TraceIdRatio' }, { name: 'traceidratio', ratio: 1 }],
    [
      { OTEL_TRACES_SAMPLER: 'always_off', OTEL_TRACES_SAMPLER_ARG: '' },
      { name: 'always_off', ratio: 1 },
    ],
  ])('%j is read as %j', (env, expected) => {
    expect(observabilitySettings(env).traceSampler).toEqual(expected);
  });

  it.each([
    [{ OTEL_TRACES_SAMPLER: 'jaeger_remote' }, /OTEL_TRACES_SAMPLER: one of parentbased_always_on/],
    [
      { OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '1.5' },
      /OTEL_TRACES_SAMPLER_ARG: a number from 0 to 1/,
    ],
    [{ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: 'half' }, /OTEL_TRACES_SAMPLER_ARG/],
  ])('%j stops the service with a message naming the setting', (env, message) => {
    expect(() => observabilitySettings(env)).toThrow(message);
  });
});
