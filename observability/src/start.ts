import { configureLogging } from './logger.ts';
import { setMetricsEnabled } from './metrics.ts';
import type { ObservabilitySettings } from './settings.ts';
import { startTracing, type Tracing } from './tracing.ts';

/** What a service's `main` calls first: logs, metrics and (if a collector is configured) traces. */
export async function startObservability(service: string, settings: ObservabilitySettings): Promise<Tracing> {
  await configureLogging({ service, level: settings.logLevel, pretty: settings.logPretty });
  setMetricsEnabled(settings.metricsEnabled);
  return startTracing({ service, endpoint: settings.otlpEndpoint });
}
