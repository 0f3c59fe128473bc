import { resolve } from 'node:path';
import { PARTNERS } from '@ip/kit/identity';
import { z } from 'zod';
import type { PartnerConfig } from './partner-data-source.ts';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const url = z.url({ protocol: /^https?$/ }).optional();

const schema = z.object({
  HOST: z.string().min(1).default('localhost'),
  GATEWAY_PORT: port(4000),
  SUPERGRAPH_PATH: z.string().min(1).default('schema/supergraph.graphql'),
  // <PARTNER>_URL for every partner of the registry.
  ...Object.fromEntries(PARTNERS.map((entry) => [`${entry.envPrefix}_URL`, url])),
  GATEWAY_EXPLORER: z.enum(['true', 'false']).optional(),
});

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  /** The composed supergraph; the gateway reloads it when the file changes. */
  readonly supergraphPath: string;
  /** Per subgraph name, a URL that replaces the one in the supergraph (other hosts, other ports). */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** Per partner, how long the gateway waits for it and when it stops asking it for a while. */
  readonly partners: PartnerConfig;
  /** What the gateway refuses before it plans: request limits, body size, caches, trusted documents. */
  readonly edge: EdgeConfig;
  /** GATEWAY_EXPLORER: serve the explorer; unset, it is served only on the embedded default (local issuer). */
  readonly explorer: boolean | undefined;
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

export function loadEdgeConfig(env: NodeJS.ProcessEnv): EdgeConfig {
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
    trustedDocumentsPath:
      raw.GATEWAY_TRUSTED_DOCUMENTS && resolve(env['INIT_CWD'] ?? process.cwd(), raw.GATEWAY_TRUSTED_DOCUMENTS),
  });
}

/** Read once at start from the environment `main.ts` passes; nothing else of the gateway looks at it. */
export function loadConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid gateway configuration:\n${problems.join('\n')}`);
  }
  const raw = result.data as z.infer<typeof schema> & Record<string, string | undefined>;
  const partners = loadPartnerConfig(env);
  const overrides = Object.fromEntries(PARTNERS.map((entry) => [entry.name, raw[`${entry.envPrefix}_URL`]]));
  return Object.freeze({
    host: raw.HOST,
    port: raw.GATEWAY_PORT,
    supergraphPath: resolve(env['INIT_CWD'] ?? process.cwd(), raw.SUPERGRAPH_PATH),
    partners,
    subgraphUrls: Object.freeze(
      Object.fromEntries(
        Object.entries(overrides).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ),
    ),
    edge: loadEdgeConfig(env),
    explorer: raw.GATEWAY_EXPLORER === undefined ? undefined : raw.GATEWAY_EXPLORER === 'true',
  });
}

// --- Partner timeouts and circuit breaker ---------------------------------------------------------------

const ms = z.coerce.number().int().min(1).max(600_000);
const perPartner = Object.fromEntries(
  PARTNERS.flatMap(({ envPrefix }) => [
    [`${envPrefix}_CONNECT_TIMEOUT_MS`, ms.optional()],
    [`${envPrefix}_TIMEOUT_MS`, ms.optional()],
  ]),
);
const partnerSchema = z.object({
  GATEWAY_PARTNER_CONNECT_TIMEOUT_MS: ms.default(1_000),
  GATEWAY_PARTNER_TIMEOUT_MS: ms.default(5_000),
  GATEWAY_PARTNER_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1_000).default(5),
  GATEWAY_PARTNER_BREAKER_COOLDOWN_MS: ms.default(10_000),
  ...perPartner,
});

/**
 * The Agentur's resolvers ask the graph back through this gateway (the outreach list asks the
 * Ausländerbehörde), so an Agentur answer may contain a whole Ausländerbehörde timeout. The Agentur gets
 * three times the default, so that a stalled Ausländerbehörde reaches the client as the Agentur's own
 * error naming the Ausländerbehörde, not as an Agentur timeout.
 */
const AGENTUR_TIMEOUT_FACTOR = 3;

/** The partner block alone, from the same environment; `loadPartnerConfig({})` gives the defaults. */
export function loadPartnerConfig(env: NodeJS.ProcessEnv): PartnerConfig {
  const result = partnerSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid gateway configuration:\n${problems.join('\n')}`);
  }
  const raw = result.data as z.infer<typeof partnerSchema> & Record<string, number | undefined>;
  const defaults = {
    connectTimeoutMs: raw.GATEWAY_PARTNER_CONNECT_TIMEOUT_MS,
    timeoutMs: raw.GATEWAY_PARTNER_TIMEOUT_MS,
  };
  const defaultTimeout = (name: string) =>
    name === 'agentur' ? AGENTUR_TIMEOUT_FACTOR * defaults.timeoutMs : defaults.timeoutMs;
  const timeouts = Object.fromEntries(
    PARTNERS.map(({ name, envPrefix }) => [
      name,
      Object.freeze({
        connectTimeoutMs: raw[`${envPrefix}_CONNECT_TIMEOUT_MS`] ?? defaults.connectTimeoutMs,
        timeoutMs: raw[`${envPrefix}_TIMEOUT_MS`] ?? defaultTimeout(name),
      }),
    ]),
  );
  return Object.freeze({
    defaults: Object.freeze(defaults),
    timeouts: Object.freeze(timeouts),
    breaker: Object.freeze({
      failureThreshold: raw.GATEWAY_PARTNER_BREAKER_FAILURES,
      cooldownMs: raw.GATEWAY_PARTNER_BREAKER_COOLDOWN_MS,
    }),
  });
}
