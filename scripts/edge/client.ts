import { createPrivateKey, sign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { identityConfig, signLocalToken, type Agency } from '@ip/kit/identity';

/** One HTTP answer as the bench reports it. */
export interface Answer {
  readonly ms: number;
  /** HTTP status, or 'ERR' when no answer came (timeout, connection reset). */
  readonly status: number | 'ERR';
  readonly bytes: number;
  /** `extensions.code` of every error, in order; '(html)' / '(not json)' for a body that is no GraphQL answer. */
  readonly codes: readonly string[];
  readonly body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | undefined;
  readonly failure?: string;
}

/** A code as the corpus reports it: a string as it is, anything else (a hostile answer's object) as JSON. */
function codeOf(code: unknown): string {
  if (code === undefined) return '(no code)';
  return typeof code === 'string' ? code : JSON.stringify(code);
}

function answerOf(ms: number, status: number, text: string): Answer {
  let parsed: Answer['body'];
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    parsed = undefined;
  }
  const codes = parsed
    ? (parsed.errors ?? []).map((error) => codeOf(error.extensions?.['code']))
    : [/^\s*</.test(text) ? '(html)' : '(not json)'];
  return { ms, status, bytes: Buffer.byteLength(text), codes, body: parsed };
}

function failed(started: number, error: unknown): Answer {
  const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
  return { ms: performance.now() - started, status: 'ERR', bytes: 0, codes: [], body: undefined, failure: cause };
}

/** Posts a body (an object is sent as JSON) and never throws: a failure is part of what the bench measures. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return answerOf(performance.now() - started, response.status, text);
  } catch (error) {
    return failed(started, error);
  }
}

/**
 * Posts a large body with node:http: a server that refuses it by its Content-Length answers before reading
 * it and drops the connection; fetch reports only the reset, this keeps the answer that came first.
 */
export function postLarge(
  url: string,
  payload: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Answer> {
  const body = Buffer.from(payload);
  const started = performance.now();
  return new Promise((resolve) => {
    let answered = false;
    const outgoing = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length, ...headers } },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => resolve(failed(started, error)));
        response.on('end', () =>
          resolve(
            answerOf(performance.now() - started, response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')),
          ),
        );
      },
    );
    outgoing.on('error', (error) => {
      if (!answered) resolve(failed(started, error));
    });
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.end(body);
  });
}

export interface Issuer {
  /** A bearer header value of the local issuer, as `npm run token` signs it. */
  bearer(agency: Agency, role: string): Promise<string>;
  /** A bearer header value with claims the caller chooses (iat/exp in seconds), signed with the same key. */
  forged(claims: Record<string, unknown>): Promise<string>;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export async function localIssuer(): Promise<Issuer> {
  const config = identityConfig(process.env);
  if (config.keys.kind !== 'local')
    throw new Error('AUTH_JWKS_URL is set: the bench needs the local issuer under ./data/issuer');
  const dir = config.keys.dir;
  const jwk = JSON.parse(await readFile(join(dir, 'private-key.jwk.json'), 'utf8')) as { kid?: string; alg?: string };
  const key = createPrivateKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' });
  return {
    async bearer(agency, role) {
      const token = await signLocalToken(dir, {
        userId: `bench-${agency}-${role}`,
        agency,
        role,
        issuer: config.issuer,
        audience: config.audience,
      });
      return `Bearer ${token}`;
    },
    async forged(claims) {
      const header = base64url(JSON.stringify({ alg: 'EdDSA', ...(jwk.kid ? { kid: jwk.kid } : {}) }));
      const payload = base64url(JSON.stringify({ iss: config.issuer, aud: config.audience, ...claims }));
      const signature = sign(null, Buffer.from(`${header}.${payload}`), key).toString('base64url');
      return `Bearer ${header}.${payload}.${signature}`;
    },
  };
}
