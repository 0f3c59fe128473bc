import { resolve } from 'node:path';
import { z } from 'zod';
import type { DatabaseLocation } from './database.ts';

/**
 * Configuration is read from the environment once, at start, validated and frozen. A wrong value stops
 * the service with a message that names the variable, instead of failing on the first request.
 */
export function parseConfig<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): Readonly<z.infer<T>> {
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
export function projectRoot(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['INIT_CWD'] ?? process.cwd());
}

export interface SubgraphConfig {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly database: DatabaseLocation;
  /** Fill an empty database with the demo population on start. */
  readonly demoData: boolean;
  /** How long the access log keeps entries: a period the partners agree on (no statute fixes it; § 79 SGB X does not). */
  readonly accessLogRetentionMonths: number;
}

/**
 * The settings every subgraph shares, under its own prefix: `<PREFIX>_PORT`, `<PREFIX>_DATABASE_URL`,
 * `<PREFIX>_DATA_DIR`, `<PREFIX>_DEMO_DATA`, plus `HOST` and `ACCESS_LOG_RETENTION_MONTHS` (default 6). Without a database URL the subgraph runs on
 * embedded PostgreSQL under `./data/<name>/`, and then demo data is on by default; on a server it is off
 * by default, so that pointing a subgraph at a real database never fills it with fiction.
 */
export function subgraphConfig(name: string, defaultPort: number, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const prefix = name.toUpperCase();
  const schema = z.object({
    HOST: z.string().min(1).default('localhost'),
    [`${prefix}_PORT`]: portSchema(defaultPort),
    [`${prefix}_DATABASE_URL`]: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    [`${prefix}_DATA_DIR`]: z.string().min(1).optional(),
    [`${prefix}_DEMO_DATA`]: booleanSchema.optional(),
    ACCESS_LOG_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(6),
  });
  const raw = parseConfig(schema, env) as Record<string, unknown>;
  const url = raw[`${prefix}_DATABASE_URL`] as string | undefined;
  const dataDir = resolve(projectRoot(env), (raw[`${prefix}_DATA_DIR`] as string | undefined) ?? `data/${name}`);
  const database: DatabaseLocation = url ? { kind: 'server', url } : { kind: 'embedded', dataDir };
  return Object.freeze({
    name,
    host: raw['HOST'] as string,
    port: raw[`${prefix}_PORT`] as number,
    database,
    demoData: (raw[`${prefix}_DEMO_DATA`] as boolean | undefined) ?? database.kind === 'embedded',
    accessLogRetentionMonths: raw['ACCESS_LOG_RETENTION_MONTHS'] as number,
  });
}
