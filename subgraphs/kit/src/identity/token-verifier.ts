import { GraphQLError } from 'graphql';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { isAgency, ROLES, type Caller } from './agencies.ts';
import type { IdentityConfig } from './identity-config.ts';
import { readLocalJwks } from './local-issuer.ts';
import { createVerifiedTokens, type VerifiedTokenSettings } from './verified-tokens.ts';

export type TokenVerifier = (authorization: string | undefined) => Promise<Caller>;

/** 401 with a stable code; the reason stays vague on purpose so a prober learns nothing about our keys. */
export function unauthenticated(reason: string): GraphQLError {
  return new GraphQLError(`Not authenticated: ${reason}`, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

async function keySet(config: IdentityConfig): Promise<JWTVerifyGetKey> {
  if (config.keys.kind === 'jwks-url') return createRemoteJWKSet(new URL(config.keys.url));
  return createLocalJWKSet(await readLocalJwks(config.keys.dir));
}

/**
 * A token must say when it was issued and when it expires, may not live longer than configured, and may
 * not be issued in the future beyond the clock skew: a token with `exp` in the year 9999 is a key that
 * never expires, one from the future outlives its stated lifetime.
 */
function checkLifetime(config: IdentityConfig, iat: number, exp: number): void {
  const now = Math.floor(Date.now() / 1000);
  if (iat > now + config.clockSkewSeconds) throw unauthenticated('the token is issued in the future (iat)');
  if (exp - iat > config.maxTokenLifetimeSeconds) {
    throw unauthenticated(`the token lives longer than the ${config.maxTokenLifetimeSeconds} s allowed (exp - iat)`);
  }
}

/** 10,000 callers' tokens (about 10 MB at most), each believed for a minute before it is checked again. */
const VERIFIED_TOKENS: VerifiedTokenSettings = { maxEntries: 10_000, maxAgeMs: 60_000 };

/**
 * Verifies the bearer token of a request: signature, expiry, lifetime, issuer, audience, and that it names
 * a known agency and a role that agency has. Every service runs this itself, the gateway and each subgraph.
 * A token verified before is answered from `verified-tokens.ts` until its expiry (at most `cache.maxAgeMs`).
 */
export async function createTokenVerifier(
  config: IdentityConfig,
  cache: VerifiedTokenSettings = VERIFIED_TOKENS,
): Promise<TokenVerifier> {
  const keys = await keySet(config);
  const verified = createVerifiedTokens(cache);
  return async (authorization) => {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated('a bearer token is required');
    const known = verified.get(token);
    if (known) return known;
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        audience: config.audience,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('the token has expired');
      if (error instanceof errors.JWTClaimValidationFailed && error.reason === 'missing')
        throw unauthenticated(`the token has no ${error.claim} claim`);
      if (error instanceof errors.JOSEError) throw unauthenticated('the token is not valid');
      throw error;
    }
    checkLifetime(config, payload.iat!, payload.exp!);
    const { sub, agency, role } = payload;
    if (!sub || !isAgency(agency)) throw unauthenticated('the token names no known agency');
    if (typeof role !== 'string' || !ROLES[agency].includes(role))
      throw unauthenticated(`the token names no role of ${agency}`);
    const caller: Caller = Object.freeze({ userId: sub, agency, role });
    verified.remember(token, caller, payload.exp! * 1000);
    return caller;
  };
}
