import { resolve } from 'node:path';
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const url = z.url({ protocol: /^https?$/ }).optional();

const schema = z.object({
  HOST: z.string().min(1).default('localhost'),
  GATEWAY_PORT: port(4000),
  SUPERGRAPH_PATH: z.string().min(1).default('schema/supergraph.graphql'),
  AGENTUR_URL: url,
  JOBCENTER_URL: url,
  AUSLAENDERBEHOERDE_URL: url,
  FAMILIENKASSE_URL: url,
});

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  /** The composed supergraph; the gateway reloads it when the file changes. */
  readonly supergraphPath: string;
  /** Per subgraph name, a URL that replaces the one in the supergraph (other hosts, other ports). */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** What the gateway refuses before it plans: request limits, body size, caches, trusted documents. */
  readonly edge: EdgeConfig;
}

// Gateway edge: every limit a caller meets before any partner is asked.
const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const edgeSchema = z.object({
  GATEWAY_MAX_DEPTH: positive(15),
  GATEWAY_MAX_ALIASES: positive(30),
  GATEWAY_MAX_TOKENS: positive(3000),
  GATEWAY_MAX_DIRECTIVES: positive(50),
  GATEWAY_MAX_COST: positive(150_000),
  GATEWAY_COST_DEFAULT_LIST_SIZE: positive(10),
  GATEWAY_MAX_BODY_BYTES: positive(1_048_576),
  GATEWAY_QUERY_PLAN_CACHE_MIB: positive(30),
  GATEWAY_DOCUMENT_CACHE_MIB: positive(30),
  GATEWAY_TRUSTED_DOCUMENTS: z.string().min(1).optional(),
});

export interface RequestLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  readonly maxCost: number;
  /** The size assumed for a list field that takes no `first`/`last` (a household's members, a person's applications). */
  readonly defaultListSize: number;
}

export interface EdgeConfig {
  readonly limits: RequestLimits;
  readonly maxBodyBytes: number;
  readonly queryPlanCacheMiB: number;
  readonly documentCacheMiB: number;
  /** The registry of trusted documents; set, the gateway runs nothing else (production mode). */
  readonly trustedDocumentsPath: string | undefined;
}

export function loadEdgeConfig(env: NodeJS.ProcessEnv = process.env): EdgeConfig {
  const result = edgeSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid gateway configuration:\n${problems.join('\n')}`);
  }
  const raw = result.data;
  return Object.freeze({
    limits: Object.freeze({
      maxDepth: raw.GATEWAY_MAX_DEPTH,
      maxAliases: raw.GATEWAY_MAX_ALIASES,
      maxTokens: raw.GATEWAY_MAX_TOKENS,
      maxDirectives: raw.GATEWAY_MAX_DIRECTIVES,
      maxCost: raw.GATEWAY_MAX_COST,
      defaultListSize: raw.GATEWAY_COST_DEFAULT_LIST_SIZE,
    }),
    maxBodyBytes: raw.GATEWAY_MAX_BODY_BYTES,
    queryPlanCacheMiB: raw.GATEWAY_QUERY_PLAN_CACHE_MIB,
    documentCacheMiB: raw.GATEWAY_DOCUMENT_CACHE_MIB,
    trustedDocumentsPath: raw.GATEWAY_TRUSTED_DOCUMENTS && resolve(env['INIT_CWD'] ?? process.cwd(), raw.GATEWAY_TRUSTED_DOCUMENTS),
  });
}

/** Read once at start; the only place the gateway looks at the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid gateway configuration:\n${problems.join('\n')}`);
  }
  const raw = result.data;
  const overrides = {
    agentur: raw.AGENTUR_URL,
    jobcenter: raw.JOBCENTER_URL,
    auslaenderbehoerde: raw.AUSLAENDERBEHOERDE_URL,
    familienkasse: raw.FAMILIENKASSE_URL,
  };
  return Object.freeze({
    host: raw.HOST,
    port: raw.GATEWAY_PORT,
    supergraphPath: resolve(env['INIT_CWD'] ?? process.cwd(), raw.SUPERGRAPH_PATH),
    subgraphUrls: Object.freeze(
      Object.fromEntries(Object.entries(overrides).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    ),
    edge: loadEdgeConfig(env),
  });
}
