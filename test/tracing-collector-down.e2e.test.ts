import { inServerSpan, startTracing } from '@ip/observability';
import { captureLogs } from '@ip/observability/testing';
import { freePort } from '@ip/kit/testing';
import { expect, it, vi } from 'vitest';

/**
 * A service stops from its signal handler by shutting tracing down, which sends the last batch of spans: a
 * collector that is down (nothing listens at its address) must cost those spans and a warning, not a crash.
 */
it('stops cleanly when the collector is down, and says so in the log without personal data', async () => {
  const logs = await captureLogs('warn');
  const endpoint = `http://127.0.0.1:${await freePort()}`;
  // The OTLP exporter reads its address from the environment, as in a deployment.
  vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', endpoint);
  // It retries for up to its timeout (10 s by default) before it gives the batch up.
  vi.stubEnv('OTEL_EXPORTER_OTLP_TIMEOUT', '300');
  try {
    const tracing = await startTracing({ service: 'ausfall-test', endpoint });
    await inServerSpan('ausfall-test', {}, async () => undefined);
    await expect(tracing.shutdown()).resolves.toBeUndefined();
    const warnings = logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(warnings).toContainEqual(
      expect.objectContaining({
        msg: 'traces still buffered could not be sent to the collector',
        err: { type: 'Error', code: 'ECONNREFUSED' },
      }),
    );
  } finally {
    vi.unstubAllEnvs();
    await logs.stop();
  }
});
