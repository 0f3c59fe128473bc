import { buildSchema, parseOperation } from '@apollo/federation-internals';
import { computeResponse } from '@apollo/gateway/dist/resultShaping.js';
import { describe, expect, it } from 'vitest';

/**
 * Apollo Gateway's result shaping as `patches/@apollo+gateway+2.14.4.patch` rewrote it (issue 18): its
 * arguments in order instead of an object per call, the flags of each value beside it instead of an object
 * per answer, the output's objects built by one constructor, and no directive lookups for selections without
 * directives. What it answers must be what Apollo's own answered: the fields asked for and nothing the
 * planner added, null propagated to the nearest nullable parent (GraphQL, October 2021, 6.4.4 "Handling
 * Field Errors") with one error per null, invalid leaf values refused, `@skip` and `@include` honoured.
 * The same cases ran against the unpatched 2.14.4 file, which answered each of them identically.
 */
const schema = buildSchema(`
  type Query { t: T, tNonNull: T!, list: [T], items: [I], v: Int! }
  type T { a: Int, b: Int!, c: [Int], d: [Int]!, e: [Int!], f: [Int!]!, s: String, n: T }
  interface I { x: Int }
  type P1 implements I { x: Int, y: Int, id: ID! }
  type P2 implements I { x: Int, z: Int }
`);

const T = { a: null, b: null, c: [1, null], d: [1, null], e: [1, null], f: [1, null], s: 'text', n: null };
const INPUT = { t: T, tNonNull: T, list: [T, { ...T, b: 2 }], v: 42 };

interface Case {
  readonly name: string;
  readonly query: string;
  readonly input: Record<string, unknown>;
  readonly variables?: Record<string, unknown>;
  readonly data: unknown;
  /** Each error as `message @ path`. */
  readonly errors?: readonly string[];
}

const cases: Case[] = [
  {
    name: 'keeps the fields asked for, drops keys and __typename the planner added, picks fragments by __typename',
    query: '{ items { x ... on P1 { y } ... on P2 { z } } }',
    input: {
      items: [
        { __typename: 'P1', id: 'p', x: 1, y: 2, z: 9 },
        { __typename: 'P2', x: 3, z: 4, y: 9 },
      ],
    },
    data: {
      items: [
        { x: 1, y: 2 },
        { x: 3, z: 4 },
      ],
    },
  },
  {
    name: 'a nullable field that is null stays null without an error',
    query: '{ tNonNull { a } }',
    input: INPUT,
    data: { tNonNull: { a: null } },
  },
  {
    name: 'null for a non-null field makes its nullable parent null',
    query: '{ t { b } }',
    input: INPUT,
    data: { t: null },
    errors: ['Cannot return null for non-nullable field T.b. @ t.b'],
  },
  {
    name: 'null for a non-null field under a non-null root field makes data null',
    query: '{ tNonNull { b } }',
    input: INPUT,
    data: null,
    errors: ['Cannot return null for non-nullable field T.b. @ tNonNull.b'],
  },
  {
    name: 'in a list, only the element whose non-null field is null becomes null',
    query: '{ list { b } }',
    input: INPUT,
    data: { list: [null, { b: 2 }] },
    errors: ['Cannot return null for non-nullable field T.b. @ list.0.b'],
  },
  {
    name: 'null elements of lists of nullable elements stay, non-null or not',
    query: '{ t { c d } }',
    input: INPUT,
    data: { t: { c: [1, null], d: [1, null] } },
  },
  {
    name: 'a null element of a list of non-null elements makes the list null',
    query: '{ t { e } }',
    input: INPUT,
    data: { t: { e: null } },
    errors: ['Cannot return null for non-nullable array element of type Int at index 1. @ t.e.1'],
  },
  {
    name: 'and a non-null list of them its parent',
    query: '{ t { f } }',
    input: INPUT,
    data: { t: null },
    errors: ['Cannot return null for non-nullable array element of type Int at index 1. @ t.f.1'],
  },
  {
    name: 'a value that is no valid leaf value is refused',
    query: '{ v }',
    input: { v: 'not a number' },
    data: null,
    errors: ['Invalid value found for field Query.v. @ v'],
  },
  {
    name: '@skip and @include decide with the variables',
    query: 'query ($yes: Boolean!) { t { a @skip(if: $yes) s @include(if: $yes) c @include(if: false) } }',
    input: INPUT,
    variables: { yes: true },
    data: { t: { s: 'text' } },
  },
  {
    name: 'the same field selected twice, directly and in a fragment, is one field',
    query: '{ t { s ... on T { s c } } }',
    input: INPUT,
    data: { t: { s: 'text', c: [1, null] } },
  },
  {
    name: 'aliases and __typename',
    query: '{ first: t { __typename text: s } second: t { s } }',
    // The planner's fetches answer under the response names.
    input: { first: { __typename: 'T', text: 'text', a: 1 }, second: { ...T, s: 'other' } },
    data: { first: { __typename: 'T', text: 'text' }, second: { s: 'other' } },
  },
];

function shape(query: string, input: Record<string, unknown>, variables: Record<string, unknown> = {}) {
  return computeResponse({
    operation: parseOperation(schema, query),
    variables,
    input,
    introspectionHandling: () => null,
  });
}

describe('result shaping of the patched Apollo Gateway', () => {
  it.each(cases)('$name', ({ query, input, variables, data, errors = [] }) => {
    const result = shape(query, input, variables);
    // Through JSON, as the client gets it: the output's objects are no plain objects.
    expect(JSON.parse(JSON.stringify(result.data)) as unknown).toEqual(data);
    expect(result.errors.map((error) => `${error.message} @ ${(error.path ?? []).join('.')}`)).toEqual(errors);
  });

  it('builds objects that inherit nothing, so any response name is an own field', () => {
    const { data } = shape('{ t { __proto__: s constructor: a toString: s } }', {
      t: JSON.parse('{ "__proto__": "p", "constructor": 1, "toString": "s" }') as unknown,
    });
    const t = (data as { t: object }).t;
    expect(JSON.stringify(data)).toBe('{"t":{"__proto__":"p","constructor":1,"toString":"s"}}');
    expect(Object.keys(t)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(Object.getPrototypeOf(t))).toBeNull();
    expect('hasOwnProperty' in t).toBe(false);
    // One constructor's objects (V8 keeps them in fast mode), not `Object.create(null)`'s hash tables: the
    // patch's point, and what an unpatched install fails here.
    expect(Object.getPrototypeOf(t)).not.toBeNull();
    expect(Object.getPrototypeOf(t)).toBe(Object.getPrototypeOf(data));
  });
});
