import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSystem, type System } from './support/system.ts';

/**
 * The GraphQL-over-HTTP audit suite of graphql-http against the gateway, with a valid bearer token on
 * every request: every MUST of the specification holds (no audit of status 'error').
 */
let system: System;

beforeAll(async () => {
  system = await startSystem({ households: 4 });
});
afterAll(() => system?.stop());

it('passes every MUST audit of GraphQL over HTTP', async () => {
  const authorization = await system.issuer.bearer('jobcenter', 'fallmanagement');
  const fetchFn = (input: string | URL | Request, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', authorization);
    return fetch(input, { ...init, headers });
  };
  const results: AuditResult[] = [];
  for (const audit of serverAudits({ url: system.gatewayUrl, fetchFn })) results.push(await audit.fn());
  const count = (status: string) => results.filter((result) => result.status === status).length;
  console.log(
    `graphql-http audits: ${count('ok')} ok, ${count('notice')} notice, ${count('warn')} warn, ${count('error')} error`,
  );
  for (const result of results.filter((candidate) => candidate.status !== 'ok')) {
    console.log(`  ${result.status} ${result.id} ${result.name}: ${'reason' in result ? result.reason : ''}`);
  }
  expect(results.filter((result) => result.status === 'error').map((result) => `${result.id} ${result.name}`)).toEqual(
    [],
  );
});
