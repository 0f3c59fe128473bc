import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';

/**
 * One registry per process; `/metrics` shows it. Metric names start with `ip_` and end in their unit;
 * every label takes a bounded set of values (an operation name outside the known set is `other`), so a
 * caller cannot grow the series without end.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'ip_' });

let enabled = true;

/** Off (`METRICS_ENABLED=false`), instruments record nothing and `/metrics` answers 404. */
export function setMetricsEnabled(on: boolean): void {
  enabled = on;
}

export function metricsEnabled(): boolean {
  return enabled;
}

/** Seconds, from 5 ms (a cached lookup) to 10 s (beyond every partner timeout's default). */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
/** SQL statements and log writes are faster: from 0.5 ms to 2.5 s. */
export const SQL_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5] as const;

/**
 * The metric of that name if a module registered it already (the kit is loaded once per process, but a
 * test may build several servers), else a new one.
 */
function once<T>(name: string, make: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? make();
}

export function counter<L extends string>(config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
  return once(config.name, () => new Counter<L>({ ...config, registers: [registry] }));
}

export function gauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
  return once(config.name, () => new Gauge<L>({ ...config, registers: [registry] }));
}

export function histogram<L extends string>(
  config: Omit<HistogramConfiguration<L>, 'registers' | 'buckets'> & { readonly buckets?: readonly number[] },
): Histogram<L> {
  return once(
    config.name,
    () => new Histogram<L>({ ...config, buckets: [...(config.buckets ?? DURATION_BUCKETS)], registers: [registry] }),
  );
}

/** The value itself if it is one of `known`, else `other`: label values stay a fixed, small set. */
export function bounded(value: string | undefined | null, known: ReadonlySet<string>): string {
  return value && known.has(value) ? value : 'other';
}

/** Seconds since a `performance.now()` reading. */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}
