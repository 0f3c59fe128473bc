import { createServer } from 'node:http';
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
  options: Pick<TracingOptions, 'asyncContext' | 'sampler'> = {},
): Promise<{ spans(): ReadableSpan[]; stop(): Promise<void> }> {
  const exporter = new InMemorySpanExporter();
  const tracing = await startTracing({ service: 'test', exporter, ...options });
  return { spans: () => exporter.getFinishedSpans(), stop: () => tracing.shutdown() };
}

/** One span a stand-in collector received: the service it came from (`service.name`) and its trace. */
export interface HeardSpan {
  readonly service: string;
  readonly traceId: string;
}

/** What of an OTLP/JSON export is read: resourceSpans[].resource and resourceSpans[].scopeSpans[].spans[]. */
interface OtlpTraces {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: { traceId: string }[] }[];
  }[];
}

/**
 * A stand-in OpenTelemetry collector on `127.0.0.1:port`: takes the OTLP/JSON exports the services send
 * over HTTP, keeps each span's service and trace id, and answers at once as a collector does.
 */
export async function startOtlpCollector(
  port: number,
): Promise<{ readonly url: string; readonly spans: HeardSpan[]; exports(): number; close(): void }> {
  const spans: HeardSpan[] = [];
  let exports = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      exports += 1;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpTraces;
      for (const { resource, scopeSpans } of body.resourceSpans ?? []) {
        const service = resource?.attributes?.find((entry) => entry.key === 'service.name')?.value.stringValue ?? '';
        for (const scope of scopeSpans ?? [])
          for (const { traceId } of scope.spans ?? []) spans.push({ service, traceId });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, spans, exports: () => exports, close: () => server.close() };
}
