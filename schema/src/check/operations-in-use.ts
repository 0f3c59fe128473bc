import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, type DocumentNode } from 'graphql';
import { operationsFromFile } from '@ip/kit';

/** One operation a client or a reader of the docs sends, with where it is written. */
export interface OperationInUse {
  readonly name: string;
  /** The file it comes from, relative to the repository. */
  readonly source: string;
  readonly document: DocumentNode;
}

/** A source of operations that could not be read as GraphQL (a broken fence in the docs, a bad file). */
export interface UnreadableSource {
  readonly source: string;
  readonly error: string;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Folders of `.graphql` operation files: the pages, the partners' questions to the graph, other front-ends. */
const OPERATION_FOLDERS = ['apps/web/src/operations', 'gateway/operations'];
const TRUSTED_DOCUMENTS = 'gateway/trusted-documents.json';
const GRAPHQL_FENCE = /^```graphql[^\n]*\n([\s\S]*?)^```/gm;

/**
 * Every operation in use: the `.graphql` operations of the front-ends and of the partners (`src/graph/`), the
 * ```graphql blocks of README.md and docs/*.md, and every registered trusted document. A registered document
 * whose text is an operation of a file already listed is that operation; the rest are listed as registered.
 */
export function operationsInUse(root: string = ROOT): { operations: OperationInUse[]; unreadable: UnreadableSource[] } {
  const operations: OperationInUse[] = [];
  const unreadable: UnreadableSource[] = [];
  for (const file of operationFiles(root)) {
    const source = relative(root, file);
    try {
      for (const [name, text] of operationsFromFile(file)) operations.push({ name, source, document: parse(text) });
    } catch (error) {
      unreadable.push({ source, error: messageOf(error) });
    }
  }
  for (const file of markdownFiles(root)) operations.push(...fencedOperations(root, file, unreadable));
  const printed = new Set(operations.map((operation) => print(operation.document)));
  const registryFile = join(root, TRUSTED_DOCUMENTS);
  if (existsSync(registryFile)) {
    const registry = JSON.parse(readFileSync(registryFile, 'utf8')) as Record<
      string,
      { name: string; document: string }
    >;
    for (const { name, document } of Object.values(registry)) {
      if (printed.has(document)) continue;
      try {
        operations.push({ name, source: TRUSTED_DOCUMENTS, document: parse(document) });
      } catch (error) {
        unreadable.push({ source: `${TRUSTED_DOCUMENTS} (${name})`, error: messageOf(error) });
      }
    }
  }
  return { operations, unreadable };
}

function operationFiles(root: string): string[] {
  const partnerFolders = existsSync(join(root, 'subgraphs'))
    ? readdirSync(join(root, 'subgraphs')).map((partner) => `subgraphs/${partner}/src/graph`)
    : [];
  return [...OPERATION_FOLDERS, ...partnerFolders.sort()].flatMap((folder) =>
    filesEndingIn(join(root, folder), '.graphql'),
  );
}

function markdownFiles(root: string): string[] {
  return [join(root, 'README.md'), ...filesEndingIn(join(root, 'docs'), '.md')].filter((file) => existsSync(file));
}

function filesEndingIn(dir: string, ending: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ending))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The operations of a Markdown file's ```graphql blocks; each block is one document (its fragments shared). */
function fencedOperations(root: string, file: string, unreadable: UnreadableSource[]): OperationInUse[] {
  const text = readFileSync(file, 'utf8');
  const found: OperationInUse[] = [];
  for (const match of text.matchAll(GRAPHQL_FENCE)) {
    // The line of the block's first line in the file, so that a source reads `docs/agentur.md:164`.
    const offset = text.slice(0, match.index).split('\n').length;
    const where = (line: number) => `${relative(root, file)}:${offset + line}`;
    let document: DocumentNode;
    try {
      document = parse(match[1] ?? '');
    } catch (error) {
      unreadable.push({ source: where(1), error: messageOf(error) });
      continue;
    }
    const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const source = where(definition.loc?.startToken.line ?? 1);
      const name = definition.name?.value ?? `anonymous ${definition.operation}`;
      found.push({ name, source, document: { kind: Kind.DOCUMENT, definitions: [definition, ...fragments] } });
    }
  }
  return found;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
