import { configureLogging } from './logger.ts';
import { setMetricsEnabled } from './metrics.ts';
import type { ObservabilitySettings } from './settings.ts';
import { startTracing, type Tracing, type TracingOptions } from './tracing.ts';

/**
 * What a service's `main` calls first: logs, metrics and (if a collector is configured) traces;
 * `asyncContext` as in `TracingOptions`.
 */
export async function startObservability(
  service: string,
  settings: ObservabilitySettings,
  { asyncContext }: Pick<TracingOptions, 'asyncContext'> = {},
): Promise<Tracing> {
  await configureLogging({ service, level: settings.logLevel, pretty: settings.logPretty });
  setMetricsEnabled(settings.metricsEnabled);
  return startTracing({
    service,
    endpoint: settings.otlpEndpoint,
    sampler: settings.traceSampler,
    ...(asyncContext === undefined ? {} : { asyncContext }),
  });
}
