import { describe, expect, it, vi } from 'vitest';

/**
 * Node's process metrics cost CPU while they run (an event-loop sampler, a GC observer): they start when a
 * service turns metrics on, not when the module is loaded, and only once however often it is turned on.
 */
describe('process metrics', () => {
  it('start with metrics on, once, and not with metrics off', async () => {
    vi.resetModules();
    const { registry, setMetricsEnabled } = await import('../src/metrics.ts');
    setMetricsEnabled(false);
    expect(await registry.metrics()).not.toContain('ip_nodejs_eventloop_lag');
    setMetricsEnabled(true);
    // prom-client throws on a second registration of the same name.
    setMetricsEnabled(true);
    const text = await registry.metrics();
    expect(text).toContain('ip_process_cpu_user_seconds_total');
    expect(text).toContain('ip_nodejs_eventloop_lag_p99_seconds');
    expect(text).toContain('ip_nodejs_heap_size_used_bytes');
  });

  it("count the event loop's busy time, growing with work done on it", async () => {
    vi.resetModules();
    const { registry, setMetricsEnabled } = await import('../src/metrics.ts');
    setMetricsEnabled(true);
    const busy = async () =>
      Number(/^ip_nodejs_eventloop_busy_seconds_total (\S+)$/m.exec(await registry.metrics())?.[1] ?? Number.NaN);
    const before = await busy();
    const started = performance.now();
    while (performance.now() - started < 50);
    const after = await busy();
    expect(after - before).toBeGreaterThanOrEqual(0.045);
    expect(after - before).toBeLessThan(5);
  });
});
