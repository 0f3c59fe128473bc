import { Counter as PromCounter, Histogram as PromHistogram, Registry, type Metric } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { Counter, DURATION_BUCKETS, Histogram } from '../src/metrics.ts';

/**
 * Our histogram and counter count in maps and arrays but hand prom-client's registry what its own would
 * (`getForPromString`, a method of prom-client 15 the registry looks for, or `get`): the `/metrics` text must
 * be the same line for line, or dashboards and alerts read other figures.
 */
/** The same calls on ours and on prom-client's, each in a registry of its own: their text and JSON. */
function textsOf<M>(own: M, reference: M, act: (metric: M) => void) {
  const ours = new Registry();
  const theirs = new Registry();
  ours.registerMetric(own as unknown as Metric);
  theirs.registerMetric(reference as unknown as Metric);
  act(own);
  act(reference);
  return Promise.all([ours.metrics(), theirs.metrics(), ours.getMetricsAsJSON(), theirs.getMetricsAsJSON()]);
}

type Observing = { observe(labels: Record<string, string>, value: number): void };

function textOf(observe: (histogram: Observing) => void, labelNames: readonly string[] = ['partner', 'code']) {
  const config = { name: 'ip_probe_duration_seconds', help: 'A probe.', labelNames };
  const reference = new PromHistogram({
    ...config,
    labelNames: [...labelNames],
    buckets: [...DURATION_BUCKETS],
    registers: [],
  });
  return textsOf<Observing>(new Histogram(config), reference, observe);
}

describe('histogram', () => {
  it.each([
    ['no observation', () => {}],
    [
      'several series, a value on a bound, below the first and beyond the last',
      (histogram: Observing) => {
        for (const value of [0, 0.004, 0.005, 0.0051, 0.3, 1, 9.99, 10, 12.5, 60])
          histogram.observe({ partner: 'agentur', code: 'OK' }, value);
        histogram.observe({ partner: 'jobcenter', code: 'PARTNER_TIMEOUT' }, 0.02);
        histogram.observe({ code: 'OK', partner: 'agentur' }, 0.07);
      },
    ],
    [
      'label values that need escaping',
      (histogram: Observing) => histogram.observe({ partner: 'a"b\\c\nd', code: 'other' }, 0.2),
    ],
  ])('shows %s exactly as prom-client does', async (_name, observe) => {
    const [oursText, theirsText, oursJson, theirsJson] = await textOf(observe);
    expect(oursText).toBe(theirsText);
    // prom-client's JSON names an exemplar on each line (null: exemplars are off); ours has none to name.
    const withoutExemplars: unknown = JSON.parse(
      JSON.stringify(theirsJson, (key, value: unknown) => (key === 'exemplar' ? undefined : value)),
    );
    expect(JSON.parse(JSON.stringify(oursJson)) as unknown).toEqual(withoutExemplars);
  });

  it('without labels shows its one series at 0 before any observation, as prom-client does', async () => {
    for (const observe of [() => {}, (histogram: Observing) => histogram.observe({}, 0.3)]) {
      const [oursText, theirsText] = await textOf(observe, []);
      expect(oursText).toBe(theirsText);
    }
  });

  it('refuses a value that is not a number, as prom-client does', () => {
    const histogram = new Histogram({ name: 'ip_refusing_seconds', help: 'A probe.', labelNames: ['partner'] });
    expect(() => histogram.observe({ partner: 'agentur' }, Number.NaN)).toThrow(TypeError);
  });
});

type Incrementing = { inc(labels: Record<string, string>, value?: number): void };

function counterTextOf(inc: (counter: Incrementing) => void, labelNames: readonly string[] = ['operation', 'status']) {
  const config = { name: 'ip_probe_requests_total', help: 'A probe.', labelNames };
  const reference = new PromCounter({ ...config, labelNames: [...labelNames], registers: [] });
  return textsOf<Incrementing>(new Counter(config), reference, inc);
}

describe('counter', () => {
  it.each([
    ['no increment', () => {}],
    [
      'several series, in the order first counted, labels in the order first named',
      (counter: Incrementing) => {
        counter.inc({ operation: 'PersonView', status: '200' });
        counter.inc({ status: '401', operation: 'other' });
        counter.inc({ operation: 'PersonView', status: '200' });
        counter.inc({ operation: 'other', status: '401' }, 2.5);
        counter.inc({ operation: 'PersonView', status: '499' }, 0);
        counter.inc({ operation: '200', status: 'PersonView' });
      },
    ],
    [
      'label values that need escaping',
      (counter: Incrementing) => counter.inc({ operation: 'a"b\\c\nd', status: '500' }),
    ],
  ])('shows %s exactly as prom-client does', async (_name, inc) => {
    const [oursText, theirsText, oursJson, theirsJson] = await counterTextOf(inc);
    expect(oursText).toBe(theirsText);
    expect(JSON.parse(JSON.stringify(oursJson)) as unknown).toEqual(JSON.parse(JSON.stringify(theirsJson)));
  });

  it('without labels shows its one series at 0 before any increment, as prom-client does', async () => {
    for (const inc of [() => {}, (counter: Incrementing) => counter.inc({}, 3)]) {
      const [oursText, theirsText] = await counterTextOf(inc, []);
      expect(oursText).toBe(theirsText);
    }
  });

  it('with four labels, as the release decisions are counted', async () => {
    const names = ['owner', 'recipient', 'category', 'decision'];
    const [oursText, theirsText] = await counterTextOf((counter) => {
      for (const decision of ['FREIGEGEBEN', 'VERWEIGERT', 'FREIGEGEBEN'])
        for (const category of ['LEISTUNG', 'AUFENTHALT'])
          counter.inc({ owner: 'familienkasse', recipient: 'jobcenter', category, decision });
    }, names);
    expect(oursText).toBe(theirsText);
    expect(oursText).toContain('decision="FREIGEGEBEN"} 2');
  });

  it('starts again from nothing on reset', async () => {
    const counter = new Counter({ name: 'ip_reset_total', help: 'A probe.', labelNames: ['code'] });
    counter.inc({ code: 'A' });
    counter.reset();
    counter.inc({ code: 'B' });
    expect((await counter.get()).values).toEqual([{ value: 1, labels: { code: 'B' } }]);
  });

  it('refuses a value that is not a number or would decrease it', () => {
    const counter = new Counter({ name: 'ip_refusing_total', help: 'A probe.', labelNames: ['code'] });
    expect(() => counter.inc({ code: 'A' }, Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => counter.inc({ code: 'A' }, -1)).toThrow('cannot decrease');
  });
});
