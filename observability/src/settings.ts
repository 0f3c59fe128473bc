/**
 * The operating settings every service shares, read once from the environment its `main.ts` passes (a
 * subgraph's hands them to `runSubgraph`): nothing here reads `process.env` itself.
 */
export interface ObservabilitySettings {
  /** pino level: `fatal`, `error`, `warn`, `info` (default), `debug`, `trace` or `silent`. */
  readonly logLevel: string;
  /** Human-readable lines instead of JSON (pino-pretty, a development dependency): `LOG_PRETTY`, default when stdout is a terminal. */
  readonly logPretty: boolean;
  /** Whether `/metrics` answers and instruments record (`METRICS_ENABLED`, default true). */
  readonly metricsEnabled: boolean;
  /** OTLP/HTTP endpoint of a collector (`OTEL_EXPORTER_OTLP_ENDPOINT`); unset, no tracing SDK starts. */
  readonly otlpEndpoint: string | undefined;
  /** Which traces are recorded (`OTEL_TRACES_SAMPLER`, `OTEL_TRACES_SAMPLER_ARG`); default every one. */
  readonly traceSampler: TraceSamplerSetting;
}

/** The SDK's default sampler: every new trace, and a caller's if its `traceparent` says sampled. */
export const DEFAULT_TRACE_SAMPLER = 'parentbased_always_on';

/** The OpenTelemetry SDK's built-in samplers, by the names `OTEL_TRACES_SAMPLER` gives them. */
export const TRACE_SAMPLERS = [
  DEFAULT_TRACE_SAMPLER,
  'parentbased_always_off',
  'parentbased_traceidratio',
  'always_on',
  'always_off',
  'traceidratio',
] as const;

export interface TraceSamplerSetting {
  readonly name: (typeof TRACE_SAMPLERS)[number];
  /** The share of new traces recorded by the `traceidratio` samplers, 0 to 1 (default 1). */
  readonly ratio: number;
}

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export function observabilitySettings(
  env: NodeJS.ProcessEnv,
  stdoutIsTerminal = process.stdout.isTTY === true,
): ObservabilitySettings {
  const logLevel = (env['LOG_LEVEL'] ?? 'info').toLowerCase();
  if (!LEVELS.has(logLevel)) throw new Error(`invalid configuration:\n  LOG_LEVEL: one of ${[...LEVELS].join(', ')}`);
  const flag = (name: string, fallback: boolean): boolean => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    if (['true', '1'].includes(value)) return true;
    if (['false', '0'].includes(value)) return false;
    throw new Error(`invalid configuration:\n  ${name}: true or false`);
  };
  const endpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_ENDPOINT'] || undefined;
  return Object.freeze({
    logLevel,
    logPretty: flag('LOG_PRETTY', stdoutIsTerminal),
    metricsEnabled: flag('METRICS_ENABLED', true),
    otlpEndpoint: endpoint,
    traceSampler: traceSampler(env),
  });
}

/**
 * `OTEL_TRACES_SAMPLER` and its argument as the specification names them. A name or ratio the SDK would
 * only warn about and replace with its default stops the service instead: an operator who asked for one
 * trace in a hundred must not get every one without noticing. Samplers of other packages (Jaeger remote,
 * X-Ray) are not installed.
 */
function traceSampler(env: NodeJS.ProcessEnv): TraceSamplerSetting {
  const name = (env['OTEL_TRACES_SAMPLER'] || DEFAULT_TRACE_SAMPLER).toLowerCase();
  if (!(TRACE_SAMPLERS as readonly string[]).includes(name))
    throw new Error(`invalid configuration:\n  OTEL_TRACES_SAMPLER: one of ${TRACE_SAMPLERS.join(', ')}`);
  const arg = env['OTEL_TRACES_SAMPLER_ARG'];
  const ratio = arg === undefined || arg === '' ? 1 : Number(arg);
  if (!(ratio >= 0 && ratio <= 1))
    throw new Error('invalid configuration:\n  OTEL_TRACES_SAMPLER_ARG: a number from 0 to 1');
  return Object.freeze({ name: name as TraceSamplerSetting['name'], ratio });
}
