import { createRequire } from 'node:module';
import { types } from 'node:util';
import type * as Graphql from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PERSON_VIEW } from './support/person-view-query.ts';
import { startSystem, type System } from './support/system.ts';

/**
 * What `patches/@apollo+gateway+2.14.4.patch` changes in Apollo Gateway's execution (issue 18), through the
 * whole system: the operation for result shaping is built once per text, not on every request, and a
 * partner's refusals become GraphQLErrors without Error's constructor (no stack, no dictionary-mode
 * object). The answers themselves are the other e2e files' to check; they run on the patched gateway too.
 * The patch's rewrite of result shaping has its cases in `gateway/test/result-shaping.unit.test.ts`. Fails
 * on an unpatched install (`npm ci` applies the patch in `postinstall`).
 */
const require = createRequire(import.meta.url);
// The module Apollo Gateway's `operationFromDocument` is read from on each call (the package index re-exports
// it through a getter), so a spy on it sees the gateway's calls.
const operations = require('@apollo/federation-internals/dist/operations.js') as {
  operationFromDocument: (...args: unknown[]) => unknown;
};
// graphql-js as Apollo Gateway and Apollo Server load it (CommonJS): its GraphQLError is theirs.
const { GraphQLError } = require('graphql') as typeof Graphql;

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

  it("makes a partner's refusals as GraphQLErrors without Error's constructor, fields as graphql-js sets them", async () => {
    const limitBefore = Error.stackTraceLimit;
    const captured: unknown[] = [];
    const capture = vi.spyOn(Error, 'captureStackTrace');
    // Apollo Server turns each error into its answer with `toJSON`: its `this` is the error Apollo Gateway made.
    const toJSON = vi.spyOn(GraphQLError.prototype, 'toJSON');
    const codes: unknown[] = [];
    for (const person of system.population.persons) {
      const answer = await system.query(PERSON_VIEW, { id: person.id }, as);
      codes.push(...(answer.errors ?? []).map((error) => error.extensions?.['code']));
    }
    for (const [target] of capture.mock.calls) {
      // graphql-js captures after setting the extensions, where Apollo Gateway put the partner's name.
      const partner = (target as { extensions?: { serviceName?: unknown } }).extensions?.serviceName;
      if (partner !== undefined) captured.push(partner);
    }
    const shown = [...toJSON.mock.contexts] as Graphql.GraphQLError[];
    vi.restoreAllMocks();
    expect(codes).toContain('EINWILLIGUNG_FEHLT');
    // No refusal went through Error's constructor (an unpatched gateway captures a stack for each), and the
    // stack limit that errors of other codes are made under is put back.
    expect(captured).toEqual([]);
    expect(Error.stackTraceLimit).toBe(limitBefore);
    // The partners run in this process too; theirs are the errors they answer with, without `serviceName`.
    const refusals = shown.filter(
      (error) => error.extensions['code'] === 'EINWILLIGUNG_FEHLT' && error.extensions['serviceName'] !== undefined,
    );
    expect(refusals.length).toBe(codes.filter((code) => code === 'EINWILLIGUNG_FEHLT').length);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(GraphQLError);
      expect(refusal).toBeInstanceOf(Error);
      expect(types.isNativeError(refusal)).toBe(false);
      // What graphql-js's constructor makes of the same message, path, partner error and extensions.
      const made = new GraphQLError(refusal.message, {
        path: refusal.path,
        originalError: refusal.originalError,
        extensions: refusal.extensions,
      });
      expect(Object.keys(refusal)).toEqual(Object.keys(made));
      expect(refusal.toJSON()).toEqual(made.toJSON());
      expect(String(refusal)).toBe(String(made));
      expect(Object.prototype.toString.call(refusal)).toBe(Object.prototype.toString.call(made));
      expect(refusal.constructor).toBe(GraphQLError);
      expect(refusal.name).toBe('GraphQLError');
      expect(refusal.stack).toBe(`GraphQLError: ${refusal.message}`);
      expect([refusal.nodes, refusal.source, refusal.positions, refusal.locations]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      // The partner's own error, as it came in its answer.
      expect(refusal.originalError).toMatchObject({
        message: refusal.message,
        extensions: { code: 'EINWILLIGUNG_FEHLT' },
      });
      expect(refusal.originalError).not.toBeInstanceOf(Error);
    }
  });
});
