import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { operationsFromFile } from '@ip/kit';
import { documentHash, type TrustedDocument } from '../gateway/src/trusted-documents.ts';

/**
 * `npm run trusted-documents` builds the gateway's registry of trusted documents (`gateway/trusted-documents.json`)
 * from the `.graphql` operation files of every client of the graph; `-- --check` fails when it is stale.
 * Every operation must be valid against the committed supergraph and have a name no other operation has.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const REGISTRY = join(ROOT, 'gateway/trusted-documents.json');
/** Where clients keep their operations: the Agentur's questions to the graph, the pages, and other front-ends' folders. */
const SOURCES = ['subgraphs/agentur/src/graph', 'apps/web/src/operations', 'gateway/operations'];

function graphqlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.graphql'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export function buildRegistry(): { registry: Record<string, TrustedDocument>; problems: string[] } {
  const schema = buildSchema(readFileSync(join(ROOT, 'schema/supergraph.graphql'), 'utf8'));
  const entries: [string, TrustedDocument][] = [];
  const problems: string[] = [];
  const origin = new Map<string, string>();
  for (const file of SOURCES.flatMap((source) => graphqlFiles(join(ROOT, source)))) {
    const where = relative(ROOT, file);
    for (const [name, document] of operationsFromFile(file)) {
      if (origin.has(name)) problems.push(`${where}: ${name} is already registered by ${origin.get(name)}`);
      origin.set(name, where);
      for (const error of validate(schema, parse(document))) problems.push(`${where}: ${name}: ${error.message}`);
      entries.push([documentHash(document), { name, document }]);
    }
  }
  entries.sort(([, a], [, b]) => a.name.localeCompare(b.name));
  return { registry: Object.fromEntries(entries), problems };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { registry, problems } = buildRegistry();
  if (problems.length > 0) {
    console.error(`trusted documents refused:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  const text = `${JSON.stringify(registry, null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const committed = existsSync(REGISTRY) ? readFileSync(REGISTRY, 'utf8') : null;
    if (committed !== text) {
      console.error('gateway/trusted-documents.json is stale: run `npm run trusted-documents` and commit the result');
      process.exit(1);
    }
    console.log(`trusted documents are fresh (${Object.keys(registry).length} operations)`);
  } else {
    writeFileSync(REGISTRY, text);
    console.log(`wrote ${relative(ROOT, REGISTRY)} (${Object.keys(registry).length} operations)`);
  }
}
