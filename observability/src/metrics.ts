import { performance } from 'node:perf_hooks';
import {
  collectDefaultMetrics,
  Counter as PromCounter,
  Gauge,
  Registry,
  type GaugeConfiguration,
  type Metric,
} from 'prom-client';

/**
 * One registry per process; `/metrics` shows it. Metric names start with `ip_` and end in their unit;
 * every label takes a bounded set of values (an operation name outside the known set is `other`), so a
 * caller cannot grow the series without end.
 */
export const registry = new Registry();

let enabled = true;
let processMetrics = false;

/**
 * How often Node's event-loop delay is sampled for `ip_nodejs_eventloop_lag_*`, in ms. Each sample is a
 * timer that wakes the process: prom-client's default of 10 ms cost an idle service 5 ms of CPU a second;
 * every 100 ms a settled idle gateway 0.9 ms a second against 0.3 ms once a second (`perf stat`, 2 x 30 s),
 * 66 µs a wakeup, 0.07 ms per person view at 10 requests/s (issue 16). Once a second, `_max` still shows
 * every stall of a second or more; how busy the loop is shows exactly, without a timer, in
 * `ip_nodejs_eventloop_busy_seconds_total` (below).
 */
const EVENT_LOOP_SAMPLE_MS = 1000;

/**
 * Off (`METRICS_ENABLED=false`), instruments record nothing and `/metrics` answers 404. On, Node's process
 * metrics (`ip_process_*`, `ip_nodejs_*`) start with it, once: their event-loop sampler and GC observer
 * run only in a service whose metrics someone can read.
 */
export function setMetricsEnabled(on: boolean): void {
  enabled = on;
  if (on && !processMetrics) {
    processMetrics = true;
    collectDefaultMetrics({ register: registry, prefix: 'ip_', eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
    eventLoopBusy();
  }
}

/**
 * The time the event loop spent running code rather than waiting for events (Node's event-loop
 * utilization, kept by libuv whatever else runs), as a counter: `rate(...[1m])` is the share of the
 * minute the loop was busy, 1 when it is saturated. Read when scraped; it needs no timer.
 */
function eventLoopBusy(): void {
  let counted = 0;
  new PromCounter({
    name: 'ip_nodejs_eventloop_busy_seconds_total',
    help: 'Time the event loop spent running code, not waiting for events; its rate is the loop utilization (1 = saturated)',
    registers: [registry],
    collect() {
      const busy = performance.eventLoopUtilization().active / 1000;
      this.inc(Math.max(0, busy - counted));
      counted = Math.max(counted, busy);
    },
  });
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

/** `once` for our own metric classes (below), which the registry takes as they are: it reads their values. */
function ownMetric<T>(name: string, make: () => T): T {
  return once(name, () => {
    const metric = make();
    registry.registerMetric(metric as unknown as Metric);
    return metric;
  });
}

export interface CounterConfiguration<L extends string> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly L[];
}

export function counter<L extends string>(config: CounterConfiguration<L>): Counter<L> {
  return ownMetric(config.name, () => new Counter<L>(config));
}

export function gauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
  return once(config.name, () => new Gauge<L>({ ...config, registers: [registry] }));
}

export interface HistogramConfiguration<L extends string> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly L[];
  /** Upper bounds in seconds, ascending; `DURATION_BUCKETS` when left out. */
  readonly buckets?: readonly number[];
}

export function histogram<L extends string>(config: HistogramConfiguration<L>): Histogram<L> {
  return ownMetric(config.name, () => new Histogram<L>(config));
}

type Labels = Readonly<Record<string, string | number>>;

/** What every series keeps: its labels as the first observation named them (prom-client keeps that object). */
interface Series {
  readonly labels: Labels;
}

/**
 * A metric's series by their label values, one map level per label name in the order of the names. A
 * lookup hashes the values themselves (V8 keeps a string's hash) where a key joined from them was a new
 * string to build and hash on every call: 40 ns against 150 ns for two labels, prom-client's 360 ns.
 */
class SeriesIndex<L extends string, S extends Series> {
  /** Each series in the order it was first observed, the order of prom-client's lines. */
  readonly all: S[] = [];
  private root = new Map<string, unknown>();

  constructor(
    private readonly labelNames: readonly L[],
    private readonly make: (labels: Labels) => S,
  ) {
    this.clear();
  }

  of(labels: Readonly<Record<L, string>>): S {
    const last = this.labelNames.length - 1;
    let level = this.root;
    for (let index = 0; index < last; index += 1) {
      const value = labels[this.labelNames[index]!];
      let next = level.get(value) as Map<string, unknown> | undefined;
      if (!next) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    // Without label names the one series sits under the empty string.
    const value = last < 0 ? '' : labels[this.labelNames[last]!];
    let series = level.get(value) as S | undefined;
    if (!series) {
      series = this.make({ ...labels });
      level.set(value, series);
      this.all.push(series);
    }
    return series;
  }

  clear(): void {
    this.root = new Map();
    this.all.length = 0;
    // A metric without labels has its one series from the start, at 0, as prom-client's counter and
    // histogram: a rate over it then starts from a sample instead of from nothing.
    if (this.labelNames.length === 0) this.of({} as Record<L, string>);
  }
}

/** One series of a histogram: observations per bucket (not cumulative), their sum and their count. */
interface HistogramSeries extends Series {
  readonly counts: number[];
  sum: number;
  count: number;
}

/** One line of `/metrics` as prom-client's registry reads it; `sharedLabels` are the series' own. */
interface Value {
  readonly labels: Labels;
  readonly sharedLabels?: Labels;
  readonly value: number;
  /** The metric's name when left out (a counter's lines). */
  readonly metricName?: string | undefined;
}

/** What prom-client's registry reads of a metric (its typings give `type` as an enum; it reads a string). */
interface MetricValues {
  readonly name: string;
  readonly help: string;
  readonly type: 'histogram' | 'counter';
  readonly aggregator: 'sum';
  readonly values: readonly Value[];
}

/**
 * A histogram that `/metrics` shows exactly as prom-client's (same series, buckets and text), counted in
 * plain arrays. prom-client's `observe` checks the label names, builds a key from the label object and
 * turns the bucket's bound into a string for a property lookup on every call (306 ns in a hot loop, here
 * 45 ns); the gateway observes once per request and once per partner fetch (issue 16). Here an observation
 * is a map lookup by the label values and two additions; the text is built only when Prometheus scrapes.
 */
export class Histogram<L extends string> {
  readonly name: string;
  readonly help: string;
  readonly type = 'histogram' as const;
  readonly aggregator = 'sum' as const;
  private readonly bounds: readonly number[];
  private readonly series: SeriesIndex<L, HistogramSeries>;

  constructor(config: HistogramConfiguration<L>) {
    this.name = config.name;
    this.help = config.help;
    const bounds = [...(config.buckets ?? DURATION_BUCKETS)];
    this.bounds = bounds;
    this.series = new SeriesIndex(config.labelNames, (labels) => ({
      labels,
      counts: bounds.map(() => 0),
      sum: 0,
      count: 0,
    }));
  }

  observe(labels: Readonly<Record<L, string>>, value: number): void {
    if (!Number.isFinite(value)) throw new TypeError(`${this.name}: not a number: ${value}`);
    const series = this.series.of(labels);
    let bucket = 0;
    while (bucket < this.bounds.length && value > this.bounds[bucket]!) bucket += 1;
    // Beyond the last bound the observation counts only in `+Inf` (the count).
    if (bucket < this.bounds.length) series.counts[bucket]! += 1;
    series.sum += value;
    series.count += 1;
  }

  reset(): void {
    this.series.clear();
  }

  /** For the registry's text: each series' labels shared by its lines, `le` on each bucket line, as prom-client's. */
  async getForPromString(): Promise<MetricValues> {
    const values: Value[] = [];
    for (const { labels, counts, sum, count } of this.series.all) {
      let cumulative = 0;
      for (const [index, bound] of this.bounds.entries()) {
        cumulative += counts[index]!;
        values.push({
          labels: { le: bound },
          sharedLabels: labels,
          value: cumulative,
          metricName: `${this.name}_bucket`,
        });
      }
      values.push(
        { labels: { le: '+Inf' }, sharedLabels: labels, value: count, metricName: `${this.name}_bucket` },
        { labels: {}, sharedLabels: labels, value: sum, metricName: `${this.name}_sum` },
        { labels: {}, sharedLabels: labels, value: count, metricName: `${this.name}_count` },
      );
    }
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: this.aggregator,
      values,
    };
  }

  /** As JSON (`registry.getMetricsAsJSON`): a line's own and its series' labels in one object. */
  async get(): Promise<MetricValues> {
    const metric = await this.getForPromString();
    return {
      ...metric,
      values: metric.values.map(({ labels, sharedLabels, value, metricName }) => ({
        labels: { ...labels, ...sharedLabels },
        value,
        metricName,
      })),
    };
  }
}

/** One series of a counter, as prom-client's counter keeps it (its registry reads these objects as lines). */
interface CounterSeries extends Series {
  value: number;
}

/**
 * A counter that `/metrics` shows exactly as prom-client's, counted in a map by label values. prom-client's
 * `inc` checks the label names and builds a key of the sorted names and values on every call (360 ns);
 * the gateway counts every request. Here an increment is a lookup by the values and an addition.
 */
export class Counter<L extends string> {
  readonly name: string;
  readonly help: string;
  readonly type = 'counter' as const;
  readonly aggregator = 'sum' as const;
  private readonly series: SeriesIndex<L, CounterSeries>;

  constructor(config: CounterConfiguration<L>) {
    this.name = config.name;
    this.help = config.help;
    this.series = new SeriesIndex(config.labelNames, (labels) => ({ value: 0, labels }));
  }

  inc(labels: Readonly<Record<L, string>>, value = 1): void {
    if (!Number.isFinite(value)) throw new TypeError(`${this.name}: not a number: ${value}`);
    if (value < 0) throw new Error(`${this.name}: a counter cannot decrease`);
    this.series.of(labels).value += value;
  }

  reset(): void {
    this.series.clear();
  }

  /** For the registry's text and JSON alike: one line per series, `{ value, labels }` as prom-client's. */
  async get(): Promise<MetricValues> {
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: this.aggregator,
      values: this.series.all.map(({ value, labels }) => ({ value, labels })),
    };
  }
}

/** The value itself if it is one of `known`, else `other`: label values stay a fixed, small set. */
export function bounded(value: string | undefined | null, known: ReadonlySet<string>): string {
  return value && known.has(value) ? value : 'other';
}

/** Seconds since a `performance.now()` reading. */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}
