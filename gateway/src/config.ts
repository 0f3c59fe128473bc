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
  });
}
