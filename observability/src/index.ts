export { configureLogging, log, type Logger, type LoggingOptions } from './logger.ts';
export {
  bounded,
  counter,
  DURATION_BUCKETS,
  gauge,
  histogram,
  metricsEnabled,
  registry,
  secondsSince,
  setMetricsEnabled,
  SQL_BUCKETS,
} from './metrics.ts';
export {
  serveOperations,
  type OperationsProbes,
  type ReadinessCheck,
  type ReadinessChecks,
  type ReadinessReport,
} from './operations-endpoints.ts';
export { REQUEST_ID_HEADER, requestIdOf, traceIdOf } from './request-id.ts';
export { observabilitySettings, type ObservabilitySettings } from './settings.ts';
export {
  activeTraceId,
  injectTraceHeaders,
  inClientSpan,
  inServerSpan,
  recordSqlSpan,
  startClientSpan,
  startTracing,
  tracingActive,
  type RequestSpan,
  type Tracing,
  type TracingOptions,
} from './tracing.ts';
export { startObservability } from './start.ts';
export { requestRecordPlugin } from './graphql-plugin.ts';
export {
  bindRecord,
  observeRequest,
  recordFor,
  type PartnerError,
  type RequestOutcome,
  type RequestRecord,
} from './request-record.ts';
export type { Gauge } from 'prom-client';
export type { Counter, CounterConfiguration, Histogram, HistogramConfiguration } from './metrics.ts';
