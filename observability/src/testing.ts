import { Writable } from 'node:stream';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { configureLogging } from './logger.ts';
import { startTracing } from './tracing.ts';

/** Every log line the process writes from now on, parsed; `stop` sends lines to stdout again. */
export async function captureLogs(level = 'info'): Promise<{ readonly lines: string[]; stop(): Promise<void> }> {
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
      await configureLogging({ service: 'test', level: 'info' });
    },
  };
}

/** Tracing into memory: every finished span of the process, as the SDK hands it to an exporter. */
export async function captureSpans(): Promise<{ spans(): ReadableSpan[]; stop(): Promise<void> }> {
  const exporter = new InMemorySpanExporter();
  const tracing = await startTracing({ service: 'test', exporter });
  return { spans: () => exporter.getFinishedSpans(), stop: () => tracing.shutdown() };
}
