import { bounded, counter, gauge, histogram, metricsEnabled, SQL_BUCKETS } from '@ip/observability';

/**
 * The subgraphs' metrics, the same in every partner; label values come from fixed sets (partner names,
 * categories, codes) so the series stay few. Each process serves one subgraph, so `subgraph` is constant
 * in production; in the tests, which run four subgraphs in one process, it tells them apart.
 */
const requestDuration = histogram<'subgraph' | 'status'>({
  name: 'ip_subgraph_request_duration_seconds',
  help: 'Time a subgraph takes to answer a request, by HTTP status',
  labelNames: ['subgraph', 'status'],
});

const errors = counter<'subgraph' | 'code'>({
  name: 'ip_subgraph_errors_total',
  help: 'Errors in subgraph answers, by extensions.code',
  labelNames: ['subgraph', 'code'],
});

const queryDuration = histogram<'database' | 'operation'>({
  name: 'ip_db_query_duration_seconds',
  help: 'Time of one SQL statement, by its first keyword',
  labelNames: ['database', 'operation'],
  buckets: SQL_BUCKETS,
});

const releaseDecisions = counter<'owner' | 'recipient' | 'category' | 'decision'>({
  name: 'ip_release_decisions_total',
  help: "An owner's decisions on releasing a person's data category to another agency (one per access-log entry)",
  labelNames: ['owner', 'recipient', 'category', 'decision'],
});

const accessLogWrite = histogram<'owner'>({
  name: 'ip_access_log_write_duration_seconds',
  help: "Time to write a request's access-log entries before its answer leaves",
  labelNames: ['owner'],
  buckets: SQL_BUCKETS,
});

/** A pool's connections as pg counts them: `total` open, `idle` of those, `waiting` clients queued for one. */
export interface PoolCounts {
  /** Set once the pool is closed: it is then forgotten. */
  readonly ended: boolean;
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

const pools = new Map<string, PoolCounts>();
gauge<'database' | 'state'>({
  name: 'ip_db_pool_connections',
  help: 'Connections of the database pool: open (total), idle, and requests waiting for one (waiting)',
  labelNames: ['database', 'state'],
  collect() {
    this.reset();
    for (const [database, pool] of pools) {
      if (pool.ended) {
        pools.delete(database);
        continue;
      }
      this.set({ database, state: 'total' }, pool.totalCount);
      this.set({ database, state: 'idle' }, pool.idleCount);
      this.set({ database, state: 'waiting' }, pool.waitingCount);
    }
  },
});

export function watchPool(database: string, pool: PoolCounts): void {
  pools.set(database, pool);
}

const SQL_OPERATIONS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'WITH']);

export function observeQuery(database: string, statement: string, seconds: number): void {
  if (!metricsEnabled()) return;
  const keyword = /^\s*\(?\s*(\w+)/.exec(statement)?.[1]?.toUpperCase();
  queryDuration.observe({ database, operation: bounded(keyword, SQL_OPERATIONS) }, seconds);
}

export function observeSubgraphRequest(
  subgraph: string,
  status: number,
  seconds: number,
  codes: Iterable<string>,
  knownCodes: ReadonlySet<string>,
): void {
  if (!metricsEnabled()) return;
  requestDuration.observe({ subgraph, status: String(status) }, seconds);
  for (const code of codes) errors.inc({ subgraph, code: bounded(code, knownCodes) });
}

export function countReleaseDecision(owner: string, recipient: string, category: string, released: boolean): void {
  if (!metricsEnabled()) return;
  releaseDecisions.inc({ owner, recipient, category, decision: released ? 'FREIGEGEBEN' : 'VERWEIGERT' });
}

export function observeAccessLogWrite(owner: string, seconds: number): void {
  if (!metricsEnabled()) return;
  accessLogWrite.observe({ owner }, seconds);
}
