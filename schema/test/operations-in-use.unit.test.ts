import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { operationsFromFile } from '@ip/kit';
import { operationsInUse } from '../src/check/operations-in-use.ts';

// A small tree in a temporary folder, so every kind of source is present and its expectation written by hand.
const root = mkdtempSync(join(tmpdir(), 'schema-check-'));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

write('apps/web/src/operations/person.graphql', 'query WebPerson($id: ID!) { person(id: $id) { id } }\n');
write('subgraphs/agentur/src/graph/abh.graphql', 'query AgenturFrage { personen { totalCount } }\n');
write('subgraphs/jobcenter/src/resolvers/not-an-operation.graphql', 'query Ignored { x }\n');
write(
  'docs/guide.md',
  [
    '# Guide', // line 1
    '```graphql', // 2
    'query Named { ...Teil }', // 3
    'fragment Teil on Query { personen { totalCount } }', // 4
    '', // 5
    '{ person(id: "<person id>") { id } }', // 6
    '```', // 7
    '```graphql', // 8
    'type NurSdl { feld: Int }', // 9: a schema snippet, no operation
    '```', // 10
    '```graphql', // 11
    'query Kaputt {', // 12
    '```', // 13
  ].join('\n'),
);
write('README.md', 'Text\n\n```graphql\nmutation Readme { fallEroeffnen { id } }\n```\n');
const webDocument = [...operationsFromFile(join(root, 'apps/web/src/operations/person.graphql')).values()][0]!;
write(
  'gateway/trusted-documents.json',
  JSON.stringify({
    a: { name: 'WebPerson', document: webDocument },
    b: { name: 'AltFrontend', document: 'query AltFrontend { personen { totalCount } }' },
  }),
);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the operations in use', () => {
  const { operations, unreadable } = operationsInUse(root);

  it('lists files, docs blocks and registered documents, each with its source', () => {
    expect(operations.map(({ name, source }) => `${name} @ ${source}`)).toEqual([
      'WebPerson @ apps/web/src/operations/person.graphql',
      'AgenturFrage @ subgraphs/agentur/src/graph/abh.graphql',
      'Readme @ README.md:4',
      'Named @ docs/guide.md:3',
      'anonymous query @ docs/guide.md:6',
      // WebPerson's registered text is the file's operation: listed once, from its file.
      'AltFrontend @ gateway/trusted-documents.json',
    ]);
  });

  it("gives a docs operation its block's fragments", () => {
    const named = operations.find((operation) => operation.name === 'Named')!;
    expect(named.document.definitions.map((definition) => definition.kind)).toEqual([
      'OperationDefinition',
      'FragmentDefinition',
    ]);
  });

  it('names a block that does not parse', () => {
    expect(unreadable).toEqual([{ source: 'docs/guide.md:12', error: expect.stringMatching(/^Syntax Error/) }]);
  });
});
