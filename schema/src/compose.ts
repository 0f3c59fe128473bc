import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { servedTypeDefs } from '@ip/kit/consent';
import { parse } from 'graphql';
import { SUBGRAPHS } from './subgraphs.ts';

const ROOT = new URL('../../', import.meta.url);
export const SUPERGRAPH_FILE = new URL('schema/supergraph.graphql', ROOT);

export interface SubgraphSource {
  readonly name: string;
  readonly typeDefs: string;
  readonly url: string;
}

export type CompositionResult =
  { readonly ok: true; readonly supergraphSdl: string } | { readonly ok: false; readonly errors: readonly string[] };

/**
 * What each subgraph serves: its own `schema.graphql` with the kit's data-protection part (the same
 * `servedTypeDefs` the server builds its schema from), with the URLs of the embedded default. `replacements`
 * puts a partner's proposed SDL in place of its file (`npm run schema:check`), assembled the same way.
 */
export function readSubgraphSources(replacements: Readonly<Record<string, string>> = {}): SubgraphSource[] {
  return SUBGRAPHS.map(({ name, port }) => ({
    name,
    typeDefs: servedTypeDefs(
      name,
      replacements[name] ?? readFileSync(new URL(`subgraphs/${name}/schema.graphql`, ROOT), 'utf8'),
    ),
    url: `http://localhost:${port}/graphql`,
  }));
}

export function compose(sources: readonly SubgraphSource[]): CompositionResult {
  try {
    const result = composeServices(sources.map((source) => ({ ...source, typeDefs: parse(source.typeDefs) })));
    if (result.errors) return { ok: false, errors: result.errors.map((error) => error.message) };
    return { ok: true, supergraphSdl: `${result.supergraphSdl.trimEnd()}\n` };
  } catch (error) {
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
  }
}

/** Null when the committed supergraph is what the subgraphs compose to, else why not. */
export function staleness(committed: string | null, composed: string): string | null {
  if (committed === null) return 'schema/supergraph.graphql is missing';
  return committed === composed
    ? null
    : 'schema/supergraph.graphql is stale: the subgraph schemas compose to something else';
}

function readCommitted(): string | null {
  try {
    return readFileSync(SUPERGRAPH_FILE, 'utf8');
  } catch {
    return null;
  }
}

function main(check: boolean): number {
  const result = compose(readSubgraphSources());
  if (!result.ok) {
    console.error(`composition failed:\n${result.errors.map((error) => `  - ${error}`).join('\n')}`);
    return 1;
  }
  if (check) {
    const problem = staleness(readCommitted(), result.supergraphSdl);
    if (problem) {
      console.error(`${problem}; run \`npm run compose\` and commit the result`);
      return 1;
    }
    console.log('supergraph is composed and up to date');
    return 0;
  }
  writeFileSync(SUPERGRAPH_FILE, result.supergraphSdl);
  console.log(`wrote ${fileURLToPath(SUPERGRAPH_FILE)}`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.includes('--check'));
}
