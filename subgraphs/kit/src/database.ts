import { log, recordSqlSpan } from '@ip/observability';
import { CamelCasePlugin, Kysely, PostgresDialect, sql, type LogEvent } from 'kysely';
import pg from 'pg';
import { observeQuery, watchPool } from './metrics.ts';

/**
 * Where a subgraph keeps its data: a PostgreSQL database. Without configuration that is the partner's own
 * database on the embedded cluster `npm start` runs (see `embedded-postgres/`); in production any server.
 */
export interface DatabaseLocation {
  readonly kind: 'server';
  readonly url: string;
}

export interface DatabaseOptions {
  /** Called once for every SQL statement the database runs; used for metrics, the N+1 proof and query plans. */
  readonly onQuery?: (sql: string, parameters: readonly unknown[]) => void;
  /** Connections the pool may hold (default 10). */
  readonly maxConnections?: number;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Dates travel as ISO strings ('YYYY-MM-DD') end to end: a JS Date would shift a calendar day with the
 * process time zone. COUNT(*) comes back as int8; our counts fit a JS number.
 */
const typeParsers: Readonly<Record<number, (value: string) => unknown>> = {
  [DATE_OID]: (value: string) => value,
  [INT8_OID]: (value: string) => Number(value),
  [NUMERIC_OID]: (value: string) => Number(value),
};

/** Opens a Kysely instance on a `pg` pool; the only place that knows how the database is reached. */
export async function openDatabase<DB>(location: DatabaseLocation, options: DatabaseOptions = {}): Promise<Kysely<DB>> {
  const pool = new pg.Pool({
    connectionString: location.url,
    max: options.maxConnections ?? 10,
    types: { getTypeParser: (oid: number, format?: string) => pgParser(oid, format) },
  });
  // An idle connection that the server drops (a restart, a failover) must not crash the process; the
  // pool replaces it on the next query.
  pool.on('error', (error) =>
    log().warn({ err: { type: error.name, code: (error as { code?: unknown }).code } }, 'database connection lost'),
  );
  const onQuery = options.onQuery;
  const database = new URL(location.url).pathname.slice(1) || 'postgres';
  watchPool(database, pool);
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    // TypeScript speaks camelCase, the tables snake_case; the plugin maps names both ways.
    plugins: [new CamelCasePlugin()],
    // Every statement is timed for the metrics and, with tracing on, becomes a span under its request.
    log: (event: LogEvent) => {
      observeQuery(database, event.query.sql, event.queryDurationMillis / 1000);
      recordSqlSpan(event.query.sql, event.queryDurationMillis, event.level === 'error');
      if (onQuery) onQuery(event.query.sql, event.query.parameters);
    },
  });
}

function pgParser(oid: number, format?: string): (value: string) => unknown {
  const own = typeParsers[oid];
  if (own) return own;
  return pg.types.getTypeParser(oid, format === 'binary' ? 'binary' : 'text') as (value: string) => unknown;
}

/** Errors that mean "not there yet" (a server starting, a role or database being made), not "wrong". */
const NOT_YET = new Set(['ECONNREFUSED', 'ECONNRESET', '57P03', '28P01', '28000', '3D000']);

/**
 * Waits until the database answers, up to `waitMs`: `npm start` starts the services while the embedded
 * cluster comes up, and a server in production may come up after its services. Other errors, and the
 * last one after the wait, are thrown as they are.
 */
export async function untilReachable(
  db: Kysely<unknown>,
  waitMs: number,
  onWait: (reason: string) => void,
): Promise<void> {
  const deadline = performance.now() + waitMs;
  let waiting = false;
  for (;;) {
    try {
      await sql`SELECT 1`.execute(db);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!NOT_YET.has(code) || performance.now() >= deadline) throw error;
      if (!waiting) onWait((error as Error).message);
      waiting = true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
