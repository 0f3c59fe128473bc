import { readFileSync } from 'node:fs';
import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AUSFALLGRUENDE, domainError, ErrorCode, partnerUnreachable, refusals } from '../src/errors.ts';
import { ANFRAGE_ID_GRUENDE } from '../src/idempotency/index.ts';
import { reasonsWrittenIn } from '../src/testing/reasons.ts';

describe('refusals', () => {
  const refuse = refusals(['EINS', 'ZWEI']);

  it('answers BAD_USER_INPUT with the reason and the extensions given', () => {
    expect(refuse('ZWEI', 'no', { field: 'eingabe.x' }).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      grund: 'ZWEI',
      field: 'eingabe.x',
    });
  });

  it('refuses a reason that is not in its list, however it got past the types', () => {
    expect(() => refuse('DREI' as 'EINS', 'no')).toThrow(/DREI is not in the list/);
  });

  it('lists the request-id reasons the idempotency module writes', () => {
    expect(reasonsWrittenIn(new URL('../src/idempotency/', import.meta.url), ANFRAGE_ID_GRUENDE, 'none')).toEqual([
      ...ANFRAGE_ID_GRUENDE,
    ]);
  });
});

describe('the reasons a partner could not answer', () => {
  it("are the gateway's, as docs/gateway.md lists them for clients", () => {
    const doc = readFileSync(new URL('../../../docs/gateway.md', import.meta.url), 'utf8');
    const section = doc.split('\n## ').find((part) => part.startsWith('A partner that could not answer')) ?? '';
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect([...AUSFALLGRUENDE].sort()).toEqual(documented.sort());
  });
});

describe('errors raised on purpose', () => {
  const refuse = refusals(['ZU_SPAET'] as const);
  it.each<[string, () => Error]>([
    ['a domain error', () => domainError(ErrorCode.EINWILLIGUNG_FEHLT, 'no consent')],
    ['a refusal', () => refuse('ZU_SPAET', 'too late')],
    ['a partner that could not answer', () => partnerUnreachable('jobcenter', 'ZEITUEBERSCHREITUNG')],
  ])('%s carries no stack frames, and the stack limit is left as it was', (_name, build) => {
    const before = Error.stackTraceLimit;
    const error = build();
    expect(error.stack ?? '').not.toContain('\n    at ');
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('unexpected').stack).toContain('\n    at ');
  });
});

describe('a domain error located at its field', () => {
  it('is the error graphql-js reports, unwrapped, with the field path and location', async () => {
    const thrown: Error[] = [];
    const schema = buildSchema('type Query { person: Person } type Person { fall: String }');
    const result = await graphql({
      schema,
      source: '{\n  person {\n    fall\n  }\n}',
      rootValue: {
        person: {
          fall: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
            const error = domainError(ErrorCode.EINWILLIGUNG_FEHLT, 'no consent', { kategorie: 'FALL' }, info);
            thrown.push(error);
            throw error;
          },
        },
      },
    });
    expect(result.errors?.[0]).toBe(thrown[0]);
    expect(result.errors?.[0]?.toJSON()).toEqual({
      message: 'no consent',
      locations: [{ line: 3, column: 5 }],
      path: ['person', 'fall'],
      extensions: { kategorie: 'FALL', code: 'EINWILLIGUNG_FEHLT' },
    });
  });
});
