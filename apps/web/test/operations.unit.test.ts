import { readFileSync } from 'node:fs';
import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from '../src/gql/graphql.ts';

/**
 * The pages send `print(document)` of the generated documents (src/graphql/client.ts). In production the
 * gateway runs only registered text, byte for byte, so each must be in gateway/trusted-documents.json.
 */
const registry = JSON.parse(
  readFileSync(new URL('../../../gateway/trusted-documents.json', import.meta.url), 'utf8'),
) as Record<string, { name: string; document: string }>;
const registered = new Map(Object.values(registry).map((entry) => [entry.name, entry.document]));
const operations = Object.entries(generated).filter(
  ([name]) => name.endsWith('Document') && !name.endsWith('FragmentDoc'),
);

describe('the pages’ operations', () => {
  it('are generated from src/operations', () => {
    expect(operations.map(([name]) => name).sort()).toEqual([
      'WebPersonenListeDocument',
      'WebPersonenkarteDocument',
      'WebSlaFamilienkasseDocument',
      'WebSlaVerlaufDocument',
      'WebUeberfaelligeAntraegeDocument',
    ]);
  });

  it.each(operations)('%s is sent as the text the gateway registered', (name, document) => {
    expect(print(document as Parameters<typeof print>[0])).toBe(registered.get(name.slice(0, -'Document'.length)));
  });
});
