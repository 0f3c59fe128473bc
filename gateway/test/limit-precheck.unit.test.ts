import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { limitPrecheck } from '../src/limits/request-limits.ts';

const schema = buildSchema(`
  type Query { person(id: ID!): Person }
  type Person { id: ID! name: String partner: Person }
`);
const limits = { maxDepth: 3, maxAliases: 2, maxTokens: 200, maxDirectives: 4, maxCost: 1000, defaultListSize: 10 };
const shallow = '{ person(id: "1") { id name } }';
const deep = '{ person(id: "1") { partner { partner { partner { id } } } } }';
const aliased = '{ a: person(id: "1") { id } b: person(id: "2") { id } c: person(id: "3") { id } }';

/**
 * The precheck keeps the texts that passed; whatever it keeps, its answers must be those of a fresh check:
 * a refused text is refused every time, however often it comes and whatever came between.
 */
describe('limit precheck with the texts that passed kept', () => {
  it('answers each text as a fresh check does, on every repeat', () => {
    const precheck = limitPrecheck(limits);
    const fresh = (query: string) => limitPrecheck(limits)(schema, query);
    for (const query of [shallow, deep, shallow, aliased, deep, shallow, aliased]) {
      expect(precheck(schema, query)).toEqual(fresh(query));
    }
    expect(precheck(schema, shallow)).toEqual([]);
    expect(precheck(schema, deep).map((error) => error.extensions?.['code'])).toEqual(['MAX_DEPTH_EXCEEDED']);
    expect(precheck(schema, aliased).map((error) => error.extensions?.['code'])).toEqual(['MAX_ALIASES_EXCEEDED']);
  });
});
