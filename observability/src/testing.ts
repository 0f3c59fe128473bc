import { Writable } from 'node:stream';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { configureLogging, log, swapLogger } from './logger.ts';
import { startTracing, type TracingOptions } from './tracing.ts';

/**
 * Every log line the process writes from now on, parsed; `stop` puts back the logger that was there before
 * (in a test run: warnings and errors only), so the test files after this one in the worker stay quiet.
 */
export async function captureLogs(level = 'info'): Promise<{ readonly lines: string[]; stop(): Promise<void> }> {
  const previous = log();
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line.length > 0),
      );
      done();
    },
  });
  await configureLogging({ service: 'test', level, destination });
  return {
    lines,
    async stop() {
      swapLogger(previous);
    },
  };
}

/**
 * Tracing into memory: every finished span of the process, as the SDK hands it to an exporter;
 * `asyncContext: false` as the gateway runs (spans find no parent in the async context).
 */
export async function captureSpans(
  options: Pick<TracingOptions, 'asyncContext'> = {},
): Promise<{ spans(): ReadableSpan[]; stop(): Promise<void> }> {
  const exporter = new InMemorySpanExporter();
  const tracing = await startTracing({ service: 'test', exporter, ...options });
  return { spans: () => exporter.getFinishedSpans(), stop: () => tracing.shutdown() };
}
