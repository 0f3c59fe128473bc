import type { IncomingMessage, ServerResponse } from 'node:http';
import { metricsEnabled, registry } from './metrics.ts';

/** One named check of readiness: `ok`, and if not, a short reason that names no data. */
export interface ReadinessCheck {
  readonly ok: boolean;
  readonly detail?: string;
}

export type ReadinessChecks = Readonly<Record<string, ReadinessCheck>>;

export interface ReadinessReport {
  /** Everything the service needs to answer requests; all must be `ok` for `/ready` to say 200. */
  readonly checks: ReadinessChecks;
  /** Listed for the operator without deciding readiness: the gateway serves (with errors naming them) while partners are down. */
  readonly partners?: ReadinessChecks;
}

export interface OperationsProbes {
  /** The service's name in the answers. */
  readonly service: string;
  ready(): Promise<ReadinessReport>;
}

const PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * Answers `GET /health` (the process is alive), `GET /ready` (it can serve: 200, or 503 naming what is
 * missing) and `GET /metrics` (Prometheus text) without a token, before anything else sees the request.
 * Returns false for every other request. The answers reveal no data, only the state of the service.
 */
export function serveOperations(request: IncomingMessage, response: ServerResponse, probes: OperationsProbes): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = (request.url ?? '/').split('?', 1)[0] ?? '/';
  if (!PATHS.has(path)) return false;
  response.setHeader('cache-control', 'no-store');
  const answer = (status: number, contentType: string, body: string) => {
    response.statusCode = status;
    response.setHeader('content-type', contentType);
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  const json = (status: number, body: unknown) =>
    answer(status, 'application/json; charset=utf-8', JSON.stringify(body));
  const failed = (error: unknown) => {
    if (!response.headersSent)
      json(503, {
        status: 'not ready',
        service: probes.service,
        detail: error instanceof Error ? error.name : 'error',
      });
  };
  switch (path) {
    case '/health':
      json(200, { status: 'ok', service: probes.service });
      break;
    case '/ready':
      probes
        .ready()
        .then((report) => {
          const ok = Object.values(report.checks).every((check) => check.ok);
          json(ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', service: probes.service, ...report });
        })
        .catch(failed);
      break;
    case '/metrics':
      if (!metricsEnabled()) {
        json(404, { status: 'metrics are off (METRICS_ENABLED=false)' });
        break;
      }
      registry
        .metrics()
        .then((text) => answer(200, registry.contentType, text))
        .catch(failed);
      break;
  }
  return true;
}
