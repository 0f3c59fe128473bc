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
  });
}
