import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compose, readSubgraphSources, staleness, SUPERGRAPH_FILE } from '../src/compose.ts';

describe('composition', () => {
  const sources = readSubgraphSources();

  it('composes the four subgraph schemas into the committed supergraph', () => {
    const result = compose(sources);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(staleness(readFileSync(SUPERGRAPH_FILE, 'utf8'), result.supergraphSdl)).toBeNull();
    for (const name of ['AGENTUR', 'JOBCENTER', 'AUSLAENDERBEHOERDE', 'FAMILIENKASSE']) {
      expect(result.supergraphSdl).toContain(`${name} @join__graph(name: "${name.toLowerCase()}"`);
    }
  });

  it('fails when two subgraphs disagree on a field', () => {
    const broken = sources.map((source) =>
      source.name === 'jobcenter'
        ? { ...source, typeDefs: `${source.typeDefs}\nextend type Query { person(id: ID!): String }\n` }
        : source,
    );
    const result = compose(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/person/);
  });

  it('fails on a schema that does not parse', () => {
    const result = compose([{ name: 'agentur', typeDefs: 'type Person {', url: 'http://localhost:4001/graphql' }]);
    expect(result.ok).toBe(false);
  });

  it('calls a missing or different committed file stale', () => {
    expect(staleness(null, 'schema')).toMatch(/missing/);
    expect(staleness('schema\n# edited by hand\n', 'schema\n')).toMatch(/stale/);
    expect(staleness('schema\n', 'schema\n')).toBeNull();
  });
});
