import { Histogram as PromHistogram, Registry, type Metric } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { DURATION_BUCKETS, Histogram } from '../src/metrics.ts';

/**
 * Our histogram counts in plain arrays but hands prom-client's registry what its own histogram would
 * (`getForPromString`, a method of prom-client 15 the registry looks for): the `/metrics` text must be the
 * same line for line, or dashboards and alerts read other figures.
 */
function textOf(observe: (histogram: { observe(labels: Record<string, string>, value: number): void }) => void) {
  const config = { name: 'ip_probe_duration_seconds', help: 'A probe.', labelNames: ['partner', 'code'] as const };
  const ours = new Registry();
  const theirs = new Registry();
  const own = new Histogram(config);
  ours.registerMetric(own as unknown as Metric);
  const reference = new PromHistogram({
    ...config,
    labelNames: [...config.labelNames],
    buckets: [...DURATION_BUCKETS],
    registers: [theirs],
  });
  observe(own);
  observe(reference);
  return Promise.all([ours.metrics(), theirs.metrics(), ours.getMetricsAsJSON(), theirs.getMetricsAsJSON()]);
}

describe('histogram', () => {
  it.each([
    ['no observation', () => {}],
    [
      'several series, a value on a bound, below the first and beyond the last',
      (histogram: { observe(labels: Record<string, string>, value: number): void }) => {
        for (const value of [0, 0.004, 0.005, 0.0051, 0.3, 1, 9.99, 10, 12.5, 60])
          histogram.observe({ partner: 'agentur', code: 'OK' }, value);
        histogram.observe({ partner: 'jobcenter', code: 'PARTNER_TIMEOUT' }, 0.02);
        histogram.observe({ code: 'OK', partner: 'agentur' }, 0.07);
      },
    ],
    [
      'label values that need escaping',
      (histogram: { observe(labels: Record<string, string>, value: number): void }) =>
        histogram.observe({ partner: 'a"b\\c\nd', code: 'other' }, 0.2),
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

  it('refuses a value that is not a number, as prom-client does', () => {
    const histogram = new Histogram({ name: 'ip_refusing_seconds', help: 'A probe.', labelNames: ['partner'] });
    expect(() => histogram.observe({ partner: 'agentur' }, Number.NaN)).toThrow(TypeError);
  });
});
