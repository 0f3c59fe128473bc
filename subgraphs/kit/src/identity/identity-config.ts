import { resolve } from 'node:path';
import { z } from 'zod';
import { parseConfig } from '../config.ts';

export const DEFAULT_ISSUER = 'urn:integration-point:lokaler-aussteller';
export const DEFAULT_AUDIENCE = 'integration-point-graph';

/**
 * Where keys come from. In production the identity provider's JWKS URL; on the embedded default a local
 * issuer whose key pair lives in `data/issuer/` (created by `npm start` or `npm run token`).
 */
export type KeySource = { readonly kind: 'jwks-url'; readonly url: string } | { readonly kind: 'local'; readonly dir: string };

export interface IdentityConfig {
  readonly keys: KeySource;
  readonly issuer: string;
  readonly audience: string;
}

const schema = z.object({
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  AUTH_ISSUER: z.string().min(1).default(DEFAULT_ISSUER),
  AUTH_AUDIENCE: z.string().min(1).default(DEFAULT_AUDIENCE),
  AUTH_LOCAL_ISSUER_DIR: z.string().min(1).default('data/issuer'),
});

export function identityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  const raw = parseConfig(schema, env);
  const keys: KeySource = raw.AUTH_JWKS_URL
    ? { kind: 'jwks-url', url: raw.AUTH_JWKS_URL }
    : { kind: 'local', dir: resolve(env['INIT_CWD'] ?? process.cwd(), raw.AUTH_LOCAL_ISSUER_DIR) };
  return Object.freeze({ keys, issuer: raw.AUTH_ISSUER, audience: raw.AUTH_AUDIENCE });
}
