import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect, type Dialect, type LogEvent } from 'kysely';
import pg from 'pg';

/** Where a subgraph keeps its data: a PostgreSQL server (url) or an embedded PGlite directory. */
export type DatabaseLocation =
  | { readonly kind: 'server'; readonly url: string }
  | { readonly kind: 'embedded'; readonly dataDir: string }
  | { readonly kind: 'memory'; readonly loadDataDir?: Blob | File };

export interface DatabaseOptions {
  /** Called once for every SQL statement the database runs; used for metrics, the N+1 proof and query plans. */
  readonly onQuery?: (sql: string, parameters: readonly unknown[]) => void;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Dates travel as ISO strings ('YYYY-MM-DD') end to end: a JS Date would shift a calendar day with the
 * process time zone. COUNT(*) comes back as int8; our counts fit a JS number.
 */
export const pgliteParsers = {
  [DATE_OID]: (value: string) => value,
  [INT8_OID]: (value: string) => Number(value),
  [NUMERIC_OID]: (value: string) => Number(value),
} as const;

/** Opens a Kysely instance on PGlite or on a PostgreSQL server; the only place that knows the engine. */
export async function openDatabase<DB>(location: DatabaseLocation, options: DatabaseOptions = {}): Promise<Kysely<DB>> {
  const dialect = await createDialect(location);
  const onQuery = options.onQuery;
  return new Kysely<DB>({
    dialect,
    // TypeScript speaks camelCase, the tables snake_case; the plugin maps names both ways.
    plugins: [new CamelCasePlugin()],
    ...(onQuery ? { log: (event: LogEvent) => onQuery(event.query.sql, event.query.parameters) } : {}),
  });
}

async function createDialect(location: DatabaseLocation): Promise<Dialect> {
  switch (location.kind) {
    case 'server': {
      const pool = new pg.Pool({
        connectionString: location.url,
        max: 10,
        types: { getTypeParser: (oid: number, format?: string) => pgParser(oid, format) },
      });
      // An idle connection that the server drops (a restart, a failover) must not crash the process; the
      // pool replaces it on the next query.
      pool.on('error', (error) => console.error('database connection lost:', error.message));
      return new PostgresDialect({ pool });
    }
    case 'embedded': {
      await mkdir(dirname(location.dataDir), { recursive: true });
      const pglite = await PGlite.create(location.dataDir, { parsers: pgliteParsers });
      return new PGliteDialect({ pglite });
    }
    case 'memory': {
      const pglite = await PGlite.create(
        location.loadDataDir ? { parsers: pgliteParsers, loadDataDir: location.loadDataDir } : { parsers: pgliteParsers },
      );
      return new PGliteDialect({ pglite });
    }
    default: {
      const unknown: never = location;
      throw new Error(`unknown database location ${JSON.stringify(unknown)}`);
    }
  }
}

function pgParser(oid: number, format?: string): (value: string) => unknown {
  const own = (pgliteParsers as Record<number, (value: string) => unknown>)[oid];
  if (own) return own;
  return pg.types.getTypeParser(oid, format === 'binary' ? 'binary' : 'text') as (value: string) => unknown;
}
