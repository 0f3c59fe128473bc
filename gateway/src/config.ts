import { resolve } from 'node:path';
import { z } from 'zod';
import type { PartnerConfig } from './partner-data-source.ts';

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
  /** Per partner, how long the gateway waits for it and when it stops asking it for a while. */
  readonly partners: PartnerConfig;
}

/** Read once at start; the only place the gateway looks at the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid gateway configuration:\n${problems.join('\n')}`);
  }
  const raw = result.data;
  const partners = loadPartnerConfig(env);
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
    partners,
    subgraphUrls: Object.freeze(
      Object.fromEntries(Object.entries(overrides).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    ),
  });
}

// --- Partner timeouts and circuit breaker ---------------------------------------------------------------

const PARTNERS = ['agentur', 'jobcenter', 'auslaenderbehoerde', 'familienkasse'] as const;
const ms = z.coerce.number().int().min(1).max(600_000);
const perPartner = Object.fromEntries(
  PARTNERS.flatMap((name) => [
    [`${name.toUpperCase()}_CONNECT_TIMEOUT_MS`, ms.optional()],
    [`${name.toUpperCase()}_TIMEOUT_MS`, ms.optional()],
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
  const defaults = { connectTimeoutMs: raw.GATEWAY_PARTNER_CONNECT_TIMEOUT_MS, timeoutMs: raw.GATEWAY_PARTNER_TIMEOUT_MS };
  const defaultTimeout = (name: string) => (name === 'agentur' ? AGENTUR_TIMEOUT_FACTOR * defaults.timeoutMs : defaults.timeoutMs);
  const timeouts = Object.fromEntries(
    PARTNERS.map((name) => [
      name,
      Object.freeze({
        connectTimeoutMs: raw[`${name.toUpperCase()}_CONNECT_TIMEOUT_MS`] ?? defaults.connectTimeoutMs,
        timeoutMs: raw[`${name.toUpperCase()}_TIMEOUT_MS`] ?? defaultTimeout(name),
      }),
    ]),
  );
  return Object.freeze({
    defaults: Object.freeze(defaults),
    timeouts: Object.freeze(timeouts),
    breaker: Object.freeze({ failureThreshold: raw.GATEWAY_PARTNER_BREAKER_FAILURES, cooldownMs: raw.GATEWAY_PARTNER_BREAKER_COOLDOWN_MS }),
  });
}
