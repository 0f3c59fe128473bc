import { resolve } from 'node:path';
import { z } from 'zod';
import { parseConfig, type Environment } from '../config.ts';

export const DEFAULT_ISSUER = 'urn:integration-point:lokaler-aussteller';
export const DEFAULT_AUDIENCE = 'integration-point-graph';

/**
 * Where keys come from. In production the identity provider's JWKS URL; on the embedded default a local
 * issuer whose key pair lives in `data/issuer/` (created by `npm start` or `npm run token`).
 */
export type KeySource =
  { readonly kind: 'jwks-url'; readonly url: string } | { readonly kind: 'local'; readonly dir: string };

export interface IdentityConfig {
  readonly keys: KeySource;
  readonly issuer: string;
  readonly audience: string;
  /** A token that may live longer than this (exp - iat) is refused, however it is signed. */
  readonly maxTokenLifetimeSeconds: number;
  /** How far the issuer's clock may run ahead of ours: `iat` may lie at most this far in the future. */
  readonly clockSkewSeconds: number;
}

/** A working day and then some; a token that lives longer is a stolen key's best friend. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;
export const DEFAULT_CLOCK_SKEW_SECONDS = 60;

const schema = z.object({
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  AUTH_ISSUER: z.string().min(1).default(DEFAULT_ISSUER),
  AUTH_AUDIENCE: z.string().min(1).default(DEFAULT_AUDIENCE),
  AUTH_LOCAL_ISSUER_DIR: z.string().min(1).default('data/issuer'),
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: z.coerce.number().int().min(1).default(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
  AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).default(DEFAULT_CLOCK_SKEW_SECONDS),
});

export function identityConfig(env: Environment): IdentityConfig {
  const raw = parseConfig(schema, env);
  const keys: KeySource = raw.AUTH_JWKS_URL
    ? { kind: 'jwks-url', url: raw.AUTH_JWKS_URL }
    : { kind: 'local', dir: resolve(env['INIT_CWD'] ?? process.cwd(), raw.AUTH_LOCAL_ISSUER_DIR) };
  return Object.freeze({
    keys,
    issuer: raw.AUTH_ISSUER,
    audience: raw.AUTH_AUDIENCE,
    maxTokenLifetimeSeconds: raw.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
    clockSkewSeconds: raw.AUTH_CLOCK_SKEW_SECONDS,
  });
}
