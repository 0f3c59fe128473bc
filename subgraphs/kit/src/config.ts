import { resolve } from 'node:path';
import { partner, PARTNERS, type Agency } from './identity/partners.ts';
import { z } from 'zod';
import type { DatabaseLocation } from './database.ts';
import { inputLimitsSchema, type InputLimits } from './input/limits.ts';

/**
 * The environment a process was started with. Only a `main.ts` (or a script) passes `process.env`; every
 * loader takes it as an argument, so no module reads the environment on import or behind a caller's back
 * (`scripts/environment-reads.*.test.ts` hold the code to this).
 */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Configuration is read from the environment once, at start, validated and frozen. A wrong value stops
 * the service with a message that names the variable, instead of failing on the first request.
 */
export function parseConfig<T extends z.ZodType>(schema: T, env: Environment): Readonly<z.infer<T>> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new Error(`invalid configuration:\n${problems.join('\n')}`);
  }
  return Object.freeze(result.data);
}

export const portSchema = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

const booleanSchema = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** Where relative data paths start: the folder `npm` was started in, else the working directory. */
export function projectRoot(env: Environment): string {
  return resolve(env['INIT_CWD'] ?? process.cwd());
}

export interface SubgraphConfig {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly database: DatabaseLocation;
  /** Fill an empty database with the demo population on start. */
  readonly demoData: boolean;
  /** How long to wait at start for the database to answer (it may be starting too). */
  readonly databaseWaitSeconds: number;
  /**
   * Started by `npm start` on the embedded cluster: wait for the launcher's word that the role and database
   * exist before the first login, instead of trying (and failing in the database's log) until they do.
   */
  readonly databaseWaitForLauncher: boolean;
  /** Connections the subgraph's pool may hold at once; idle ones close after 10 s. */
  readonly databasePoolMax: number;
  /** How long the access log keeps entries: a period the partners agree on (no statute fixes it; § 79 SGB X does not). */
  readonly accessLogRetentionMonths: number;
  /** The longest String and ID a caller may send (`INPUT_MAX_STRING_LENGTH`, `INPUT_MAX_ID_LENGTH`). */
  readonly inputLimits: InputLimits;
  /** How long a mutation's `anfrageId` answers its first result; a retry after that runs anew. */
  readonly anfrageIdRetentionDays: number;
}

/**
 * The settings every subgraph shares, under its own prefix: `<PREFIX>_PORT`, `<PREFIX>_DATABASE_URL`,
 * `<PREFIX>_DEMO_DATA`, `<PREFIX>_DATABASE_POOL_MAX` (default 10), plus `HOST`, `DATABASE_WAIT_SECONDS` (default 30), `ACCESS_LOG_RETENTION_MONTHS` (default 6),
 * `ANFRAGE_ID_RETENTION_DAYS` (default 7), `INPUT_MAX_STRING_LENGTH` (default 10000) and `INPUT_MAX_ID_LENGTH`
 * (default 200). The database URL is required: `npm start` passes each partner the URL of its database on the
 * embedded cluster, and with it `<PREFIX>_DEMO_DATA=true` and `<PREFIX>_DATABASE_POOL_MAX=4` (unless set otherwise), and
 * `<PREFIX>_DATABASE_WAIT_FOR_LAUNCHER=true` (wait for its word that the database exists). Here the demo data is off by
 * default, so that pointing a subgraph at a real database never fills it with fiction.
 */
export function subgraphConfig(name: string, defaultPort: number, env: Environment): SubgraphConfig {
  const prefix = PARTNERS.find((entry) => entry.name === name)?.envPrefix ?? name.toUpperCase();
  const urlVariable = `${prefix}_DATABASE_URL`;
  const schema = z.object({
    HOST: z.string().min(1).default('localhost'),
    [`${prefix}_PORT`]: portSchema(defaultPort),
    [urlVariable]: z.url({
      protocol: /^postgres(ql)?$/,
      error: (issue) =>
        issue.input === undefined
          ? `not set. The embedded PostgreSQL is run by \`npm start\` (the whole system), which gives every subgraph its URL; ` +
            `to run ${name} alone, point it at a PostgreSQL server: ${urlVariable}=postgres://user:password@host:5432/${name}`
          : 'not a postgres:// or postgresql:// URL',
    }),
    [`${prefix}_DEMO_DATA`]: booleanSchema.optional(),
    [`${prefix}_DATABASE_WAIT_FOR_LAUNCHER`]: booleanSchema.optional(),
    [`${prefix}_DATABASE_POOL_MAX`]: z.coerce.number().int().min(1).max(1000).default(10),
    DATABASE_WAIT_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
    ACCESS_LOG_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(6),
    ...inputLimitsSchema,
    ANFRAGE_ID_RETENTION_DAYS: z.coerce.number().int().min(1).max(366).default(7),
  });
  const raw = parseConfig(schema, env) as Record<string, unknown>;
  return Object.freeze({
    name,
    host: raw['HOST'] as string,
    port: raw[`${prefix}_PORT`] as number,
    database: Object.freeze({ kind: 'server' as const, url: raw[urlVariable] as string }),
    demoData: (raw[`${prefix}_DEMO_DATA`] as boolean | undefined) ?? false,
    databaseWaitSeconds: raw['DATABASE_WAIT_SECONDS'] as number,
    databaseWaitForLauncher: (raw[`${prefix}_DATABASE_WAIT_FOR_LAUNCHER`] as boolean | undefined) ?? false,
    databasePoolMax: raw[`${prefix}_DATABASE_POOL_MAX`] as number,
    accessLogRetentionMonths: raw['ACCESS_LOG_RETENTION_MONTHS'] as number,
    inputLimits: Object.freeze({
      maxStringLength: raw['INPUT_MAX_STRING_LENGTH'] as number,
      maxIdLength: raw['INPUT_MAX_ID_LENGTH'] as number,
    }),
    anfrageIdRetentionDays: raw['ANFRAGE_ID_RETENTION_DAYS'] as number,
  });
}

export interface EmbeddedClusterConfig {
  readonly dataDir: string;
  readonly port: number;
}

/** `EMBEDDED_POSTGRES_PORT` (default 54329, clear of a server on 5432) and `EMBEDDED_POSTGRES_DATA_DIR` (default ./data/postgres). */
export function embeddedClusterConfig(env: Environment): EmbeddedClusterConfig {
  const raw = parseConfig(
    z.object({
      EMBEDDED_POSTGRES_PORT: portSchema(54329).refine((port) => port > 0, 'must be a fixed port'),
      EMBEDDED_POSTGRES_DATA_DIR: z.string().min(1).default('data/postgres'),
    }),
    env,
  );
  return Object.freeze({
    dataDir: resolve(projectRoot(env), raw.EMBEDDED_POSTGRES_DATA_DIR),
    port: raw.EMBEDDED_POSTGRES_PORT,
  });
}

/** A registered partner's settings: its default port and environment prefix come from the partner registry. */
export function partnerConfig(name: Agency, env: Environment): SubgraphConfig {
  return subgraphConfig(name, partner(name).port, env);
}
