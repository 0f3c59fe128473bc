import { access, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';

const ALGORITHM = 'EdDSA';
const PRIVATE_FILE = 'private-key.jwk.json';
const PUBLIC_FILE = 'jwks.json';

/**
 * The embedded default's identity provider: one Ed25519 key pair under `dir`, made on first use. Only
 * `npm run token` signs with the private key; the services read the public JWKS. The pair is written to a
 * temporary folder and renamed into place, so services starting at the same moment agree on one key.
 */
export async function ensureLocalIssuer(dir: string): Promise<void> {
  if (await exists(join(dir, PUBLIC_FILE))) return;
  await mkdir(dirname(dir), { recursive: true });
  const staging = await mkdtemp(`${dir}.staging-`);
  try {
    const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { crv: 'Ed25519', extractable: true });
    const kid = `lokal-${new Date().toISOString().slice(0, 10)}`;
    const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM };
    const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' };
    await writeFile(join(staging, PRIVATE_FILE), JSON.stringify(privateJwk), { mode: 0o600 });
    await writeFile(join(staging, PUBLIC_FILE), JSON.stringify({ keys: [publicJwk] }));
    await rename(staging, dir).catch(async (error: unknown) => {
      if (!(await exists(join(dir, PUBLIC_FILE)))) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export async function readLocalJwks(dir: string): Promise<JSONWebKeySet> {
  return JSON.parse(await readFile(join(dir, PUBLIC_FILE), 'utf8')) as JSONWebKeySet;
}

export interface TokenClaims {
  readonly userId: string;
  /** An `Agency`, or any other string: the local issuer also signs the unknown agencies tests refuse. */
  readonly agency: string;
  readonly role: string;
  readonly issuer: string;
  readonly audience: string;
  /** Lifetime, e.g. '8h' (a working day) or '-1m' for an expired token in tests. */
  readonly expiresIn?: string;
  /** When it was issued (seconds since 1970); default now. Null leaves `iat` out, for tests of refused tokens. */
  readonly issuedAt?: number | null;
}

/** Imported keys by the JWK object they came from: a caller that keeps its JWK signs without importing it again. */
const importedKeys = new WeakMap<JWK, ReturnType<typeof importJWK>>();

export async function signToken(privateJwk: JWK, claims: TokenClaims): Promise<string> {
  let imported = importedKeys.get(privateJwk);
  if (!imported) importedKeys.set(privateJwk, (imported = importJWK(privateJwk, ALGORITHM)));
  const key = await imported;
  const issuedAt = claims.issuedAt === undefined ? Math.floor(Date.now() / 1000) : claims.issuedAt;
  const jwt = new SignJWT({ agency: claims.agency, role: claims.role })
    .setProtectedHeader({ alg: ALGORITHM, ...(privateJwk.kid ? { kid: privateJwk.kid } : {}) })
    .setSubject(claims.userId)
    .setIssuer(claims.issuer)
    .setAudience(claims.audience);
  if (issuedAt !== null) jwt.setIssuedAt(issuedAt);
  return jwt.setExpirationTime(claims.expiresIn ?? '8h').sign(key);
}

export async function signLocalToken(dir: string, claims: TokenClaims): Promise<string> {
  const privateJwk = JSON.parse(await readFile(join(dir, PRIVATE_FILE), 'utf8')) as JWK;
  return signToken(privateJwk, claims);
}
