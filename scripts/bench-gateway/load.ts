import { Agent, request } from 'node:http';

/** One POST's outcome as the load generator saw it. */
interface Sample {
  readonly ms: number;
  readonly status: number;
}

export interface LoadResult {
  readonly sent: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
  /** Answers other than HTTP 200, and failed requests. */
  readonly failed: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(url: URL, body: string, authorization: string): Promise<Sample> {
  const started = performance.now();
  return new Promise((resolve) => {
    const sent = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', authorization, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ ms: performance.now() - started, status: response.statusCode ?? 0 }));
        response.on('error', () => resolve({ ms: performance.now() - started, status: 0 }));
      },
    );
    sent.on('error', () => resolve({ ms: performance.now() - started, status: 0 }));
    sent.end(body);
  });
}

function summarise(samples: readonly Sample[], seconds: number): LoadResult {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    sent: samples.length,
    seconds,
    p50: at(0.5),
    p99: at(0.99),
    failed: samples.filter((sample) => sample.status !== 200).length,
  };
}

/**
 * Open loop: a request every 1/rate s whether or not the earlier ones were answered, so a slow answer
 * shows in the latencies instead of slowing the offered load (no coordinated omission).
 */
export async function fixedRate(
  url: string,
  bodies: () => string,
  authorization: string,
  rate: number,
  seconds: number,
): Promise<LoadResult> {
  const target = new URL(url);
  const pending: Promise<Sample>[] = [];
  const began = performance.now();
  const total = Math.round(rate * seconds);
  for (let index = 0; index < total; index += 1) {
    const due = began + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(post(target, bodies(), authorization));
  }
  const samples = await Promise.all(pending);
  return summarise(samples, (performance.now() - began) / 1000);
}

/** Closed loop: `connections` clients, each sending its next request when its last was answered. */
export async function closedLoop(
  url: string,
  bodies: () => string,
  authorization: string,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const target = new URL(url);
  const samples: Sample[] = [];
  const began = performance.now();
  const end = began + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) samples.push(await post(target, bodies(), authorization));
    }),
  );
  return summarise(samples, (performance.now() - began) / 1000);
}

/**
 * `requests` requests over `connections` clients as fast as they are answered, nothing measured: brings a
 * gateway to the state it serves in after hours of traffic (V8 has optimised its hot functions), the same
 * number of requests for either gateway.
 */
export async function warmUp(
  url: string,
  bodies: () => string,
  authorization: string,
  connections: number,
  requests: number,
): Promise<void> {
  const target = new URL(url);
  let left = requests;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (left > 0) {
        left -= 1;
        await post(target, bodies(), authorization);
      }
    }),
  );
}
