import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PERSON_VIEW } from './support/person-view-query.ts';
import { startSystem, type System } from './support/system.ts';

/**
 * What `patches/@apollo+gateway+2.14.4.patch` changes in Apollo Gateway's execution (issue 18), through the
 * whole system: the operation for result shaping is built once per text, not on every request, and a
 * partner's errors become GraphQLErrors without a captured stack. The answers themselves are the other
 * e2e files' to check; they run on the patched gateway too. The patch's rewrite of result shaping has
 * its cases in `gateway/test/result-shaping.unit.test.ts`. Fails on an unpatched install (`npm ci`
 * applies the patch in `postinstall`).
 */
const require = createRequire(import.meta.url);
// The module Apollo Gateway's `operationFromDocument` is read from on each call (the package index re-exports
// it through a getter), so a spy on it sees the gateway's calls.
const operations = require('@apollo/federation-internals/dist/operations.js') as {
  operationFromDocument: (...args: unknown[]) => unknown;
};

let system: System;
const as = { agency: 'jobcenter' as const, role: 'fallmanagement' };

beforeAll(async () => {
  // Nobody consented: the Jobcenter's person view has refusals, each an error of a partner's answer.
  system = await startSystem({ households: 4 });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await system?.stop();
});

describe('Apollo Gateway as patched', () => {
  it('builds the operation of a text once, not on every request', async () => {
    const built = vi.spyOn(operations, 'operationFromDocument');
    const ids = system.population.persons.slice(0, 3).map((person) => person.id);
    for (const id of ids) {
      const answer = await system.query(PERSON_VIEW, { id }, as);
      expect(answer.data?.['person']).toMatchObject({ id });
    }
    // Once for the query plan and once for the result's shape, at the first request; after it, neither.
    expect(built).toHaveBeenCalledTimes(2);
    built.mockRestore();
  });

  it("turns a partner's errors into GraphQLErrors without capturing a stack, and leaves the limit as it was", async () => {
    const limitBefore = Error.stackTraceLimit;
    const captureStackTrace = Error.captureStackTrace.bind(Error);
    const captured: { partner: unknown; limit: number }[] = [];
    const capture = vi.spyOn(Error, 'captureStackTrace').mockImplementation((target, constructor) => {
      // graphql-js captures after setting the extensions, where Apollo Gateway put the partner's name.
      const partner = (target as { extensions?: { serviceName?: unknown } }).extensions?.serviceName;
      if (partner !== undefined) captured.push({ partner, limit: Error.stackTraceLimit });
      captureStackTrace(target, constructor);
    });
    const codes: unknown[] = [];
    for (const person of system.population.persons) {
      const answer = await system.query(PERSON_VIEW, { id: person.id }, as);
      codes.push(...(answer.errors ?? []).map((error) => error.extensions?.['code']));
    }
    capture.mockRestore();
    expect(codes).toContain('EINWILLIGUNG_FEHLT');
    expect(captured.length).toBeGreaterThan(0);
    expect(captured.every(({ limit }) => limit === 0)).toBe(true);
    expect(Error.stackTraceLimit).toBe(limitBefore);
  });
});
