import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import {
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEFAULT_CLOCK_SKEW_SECONDS,
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  DEFAULT_ISSUER,
  ensureLocalIssuer,
  signToken,
  type TokenVerifier,
} from '../identity/index.ts';

export interface TestIssuer {
  readonly verifyToken: TokenVerifier;
  /** A bearer header value for a user of `agency` (an `Agency`, or any string a test wants refused) in `role`. */
  bearer(
    agency: string,
    role: string,
    options?: { userId?: string; expiresIn?: string; audience?: string; issuedAt?: number | null },
  ): Promise<string>;
  /**
   * A bearer header value carrying exactly `claims` besides issuer and audience, signed with the issuer's key:
   * for tokens no identity provider should issue (a lifetime of centuries, an `iat` in the future).
   */
  forge(claims: JWTPayload): Promise<string>;
  close(): Promise<void>;
}

/** A local issuer with a fresh key pair in a temporary folder, as the embedded default has one. */
export async function createTestIssuer(): Promise<TestIssuer> {
  const dir = join(await mkdtemp(join(tmpdir(), 'ip-issuer-')), 'issuer');
  await ensureLocalIssuer(dir);
  const config = {
    keys: { kind: 'local' as const, dir },
    issuer: DEFAULT_ISSUER,
    audience: DEFAULT_AUDIENCE,
    maxTokenLifetimeSeconds: DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
    clockSkewSeconds: DEFAULT_CLOCK_SKEW_SECONDS,
  };
  // Read once: tests ask for a token per request, and reading and importing the key each time cost more
  // than the request itself.
  const privateJwk = JSON.parse(await readFile(join(dir, 'private-key.jwk.json'), 'utf8')) as JWK;
  return {
    verifyToken: await createTokenVerifier(config),
    async bearer(agency, role, options = {}) {
      const token = await signToken(privateJwk, {
        userId: options.userId ?? `${agency}-${role}`,
        agency,
        role,
        issuer: DEFAULT_ISSUER,
        audience: options.audience ?? DEFAULT_AUDIENCE,
        ...(options.expiresIn ? { expiresIn: options.expiresIn } : {}),
        ...(options.issuedAt !== undefined ? { issuedAt: options.issuedAt } : {}),
      });
      return `Bearer ${token}`;
    },
    async forge(claims) {
      const token = await new SignJWT({ iss: DEFAULT_ISSUER, aud: DEFAULT_AUDIENCE, ...claims })
        .setProtectedHeader({ alg: 'EdDSA', ...(privateJwk.kid ? { kid: privateJwk.kid } : {}) })
        .sign(await importJWK(privateJwk, 'EdDSA'));
      return `Bearer ${token}`;
    },
    close: () => rm(join(dir, '..'), { recursive: true, force: true }),
  };
}
