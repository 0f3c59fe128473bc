import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { operationsInUse } from './check/operations-in-use.ts';
import { formatReport } from './check/report.ts';
import { createSchemaChecker, type CheckResult } from './check/schema-checker.ts';
import { SUPERGRAPH_FILE } from './compose.ts';
import { SUBGRAPHS } from './subgraphs.ts';

/**
 * `npm run schema:check -- <partner> [new-sdl-file]`: composes the partner's proposed SDL (default its current
 * `schema.graphql`) with the others, lists the API schema's changes against the committed supergraph, validates
 * every operation in use and enforces data ownership (docs/schema-checks.md). `--all` checks every partner's
 * current file, `--json` prints the results as JSON, `--strict` refuses every breaking change, `--base <ref>`
 * compares with the supergraph of another commit (default HEAD). Exit 0: compatible; 1: refused; 2: usage.
 */
const USAGE = 'usage: npm run schema:check -- <partner> [new-sdl-file] | --all  [--json] [--strict] [--base <git ref>]';

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      all: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      base: { type: 'string', default: 'HEAD' },
    },
  });
  const partners = SUBGRAPHS.map(({ name }) => name as string);
  const [partner, file] = positionals;
  const wanted = values.all ? partners : partner ? [partner] : [];
  if (wanted.length === 0 || (values.all && positionals.length > 0) || positionals.length > 2) {
    console.error(USAGE);
    return 2;
  }
  if (partner && !partners.includes(partner)) {
    console.error(`unknown partner ${partner}; the partners are ${partners.join(', ')}`);
    return 2;
  }
  if (file && !existsSync(file)) {
    console.error(`no such file: ${file}`);
    return 2;
  }
  const base = committedSupergraph(values.base);
  const inUse = operationsInUse();
  const check = createSchemaChecker(base.sdl, inUse);
  const results: CheckResult[] = [];
  for (const name of wanted) {
    const result = await check(name, file === undefined ? undefined : readFileSync(file, 'utf8'), {
      strict: values.strict,
    });
    results.push(result);
    const proposedFrom = file ?? `subgraphs/${name}/schema.graphql`;
    if (!values.json)
      console.log(formatReport(result, inUse.operations.length, `${proposedFrom} against ${base.from}`));
  }
  if (values.json) console.log(JSON.stringify(results, null, 2));
  return results.some((result) => result.refusals.length > 0) ? 1 : 0;
}

/** The supergraph of the base commit, or the file in the tree where there is no git history (a tarball). */
function committedSupergraph(ref: string): { sdl: string; from: string } {
  try {
    const sdl = execFileSync('git', ['show', `${ref}:schema/supergraph.graphql`], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { sdl, from: `schema/supergraph.graphql at ${ref}` };
  } catch (error) {
    // Only the default may fall back: a base asked for by name that git cannot show is an error.
    if (ref !== 'HEAD') throw new UsageError(`git cannot show schema/supergraph.graphql at ${ref}: ${String(error)}`);
    return { sdl: readFileSync(SUPERGRAPH_FILE, 'utf8'), from: 'schema/supergraph.graphql (no git history)' };
  }
}

class UsageError extends Error {}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
    if (!(error instanceof UsageError) && !(error instanceof TypeError && 'code' in error)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  });
}
