import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import type { GraphQLResponse } from '@ip/kit/testing';
import type { System } from '../support/system.ts';

/**
 * What the hostile-corpus tests share: raw HTTP exchanges, and the normal query a colleague sends at the
 * same moment, which must still be answered. The tests assert behaviour (codes, counts, what was stored,
 * which answer came first); how long each probe takes is a figure of `npm run bench:edge`, since a time
 * bound fails whenever the machine is busy.
 */

export const JOBCENTER = { agency: 'jobcenter' as const, role: 'fallmanagement' };
export const FAMILIENKASSE = { agency: 'familienkasse' as const, role: 'sachbearbeitung' };
export const AUSLAENDERBEHOERDE = { agency: 'auslaenderbehoerde' as const, role: 'sachbearbeitung' };

export interface Exchange {
  readonly status: number;
  readonly contentType: string;
  /** The GraphQL answer; undefined when the body was no JSON (an HTML error page, say). */
  readonly body: GraphQLResponse | undefined;
  readonly text: string;
}

/** Posts a body as it is (a string) or as JSON, over real HTTP. */
export async function send(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Exchange> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: payload,
    signal: AbortSignal.timeout(25_000),
  });
  const text = await response.text();
  let parsed: GraphQLResponse | undefined;
  try {
    parsed = JSON.parse(text) as GraphQLResponse;
  } catch {
    parsed = undefined;
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: parsed,
    text: text.slice(0, 300),
  };
}

/**
 * Posts a large body with node:http: a server that refuses it by its Content-Length answers before it has
 * read it and then drops the connection; fetch reports only the reset, this keeps the answer that came first.
 */
export function sendLarge(url: string, payload: string, headers: Record<string, string>): Promise<Exchange> {
  const body = Buffer.from(payload);
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length, ...headers } },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: GraphQLResponse | undefined;
          try {
            parsed = JSON.parse(text) as GraphQLResponse;
          } catch {
            parsed = undefined;
          }
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            body: parsed,
            text: text.slice(0, 300),
          });
        });
      },
    );
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    outgoing.setTimeout(25_000, () => outgoing.destroy(new Error('no answer within 25 s')));
    outgoing.end(body);
  });
}

export async function sendAs(
  system: System,
  who: { agency: string; role: string },
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Exchange> {
  return send(
    system.gatewayUrl,
    { query, variables },
    { authorization: await system.issuer.bearer(who.agency, who.role) },
  );
}

export function codesOf(exchange: Exchange): string[] {
  return (exchange.body?.errors ?? []).map((error) => String(error.extensions?.['code']));
}

/** The first error with `code`, failing the test with the whole answer if there is none. */
export function errorWith(exchange: Exchange, code: string): Record<string, unknown> {
  const error = exchange.body?.errors?.find((candidate) => candidate.extensions?.['code'] === code);
  expect(error, `no ${code} in HTTP ${exchange.status}: ${exchange.text}`).toBeDefined();
  return error!.extensions!;
}

/**
 * Runs `probe` and, 20 ms later, a normal small query of an Ausländerbehörde case worker; answers both, and
 * whether the normal query was answered before the probe (in one process a gateway that blocks its event
 * loop would hold both).
 */
export async function withNormalQuery<T>(
  system: System,
  probe: () => Promise<T>,
  gatewayUrl = system.gatewayUrl,
): Promise<{ result: T; normal: Exchange; normalFirst: boolean }> {
  let probeDone = false;
  const running = probe().finally(() => (probeDone = true));
  await sleep(20);
  const person = system.population.persons[0]!;
  const authorization = await system.issuer.bearer(AUSLAENDERBEHOERDE.agency, AUSLAENDERBEHOERDE.role);
  let normalFirst = false;
  const normal = send(
    gatewayUrl,
    { query: `query Normal($id: ID!) { person(id: $id) { identitaet { nachname } } }`, variables: { id: person.id } },
    { authorization },
  ).then((exchange) => {
    normalFirst = !probeDone;
    return exchange;
  });
  const [result, answered] = await Promise.all([running, normal]);
  return { result, normal: answered, normalFirst };
}

/** The normal query was answered, with the right person. */
export function expectNormalAnswer(system: System, normal: Exchange): void {
  expect(normal.status, normal.text).toBe(200);
  expect(normal.body?.data).toEqual({ person: { identitaet: { nachname: system.population.persons[0]!.nachname } } });
}
