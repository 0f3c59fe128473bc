import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationsFromFile } from '@ip/kit';
import * as generated from '../src/generated/graph-operations.ts';

// The gateway's registry of trusted documents holds each operation as operationsFromFile prints it
// (`npm run trusted-documents`); the graph client sends print(document). In production mode the gateway
// runs only registered text, so the two must be the same, character for character.
const registered = operationsFromFile(new URL('../src/graph/auslaenderbehoerde.graphql', import.meta.url));
const documents = Object.entries(generated).filter(([name]) => name.endsWith('Document'));

describe("the Agentur's typed graph documents", () => {
  it('are generated for every operation of auslaenderbehoerde.graphql', () => {
    expect(documents.map(([name]) => name.replace(/Document$/, '')).sort()).toEqual([...registered.keys()].sort());
  });

  it.each(documents)('%s prints as the registered trusted document', (name, document) => {
    expect(print(document as Parameters<typeof print>[0])).toBe(registered.get(name.replace(/Document$/, '')));
  });
});
