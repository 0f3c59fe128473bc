import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { PARTNERS } from '../subgraphs/kit/src/identity/partners.ts';
import { vi } from 'vitest';

/**
 * Settings are read from the environment once, by each service's `main.ts`, and passed on as arguments
 * (docs/architecture.md, *Settings*). A module that reads `process.env` itself hides a setting from the
 * tests (which build servers in-process with their own settings) and, on import, reads it before anyone
 * could pass another value. Two tests find both: `environment-reads.unit.test.ts` every `process.env` in
 * the services' sources outside the files allowed below, `environment-reads.subgraph.test.ts` every use of
 * the environment while each module is imported.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const THIS_FILE = fileURLToPath(import.meta.url);
const FOLDERS = [
  'gateway/src',
  'subgraphs/kit/src',
  ...PARTNERS.map((entry) => `subgraphs/${entry.name}/src`),
  'apps/web/server',
  'observability/src',
];

/** Files that may name `process.env`, and why. */
export const ALLOWED: Readonly<Record<string, string>> = {
  'gateway/src/main.ts': 'the gateway process: reads the environment once',
  ...Object.fromEntries(
    PARTNERS.map((entry) => [
      `subgraphs/${entry.name}/src/main.ts`,
      `the ${entry.title} process: reads the environment once`,
    ]),
  ),
  'apps/web/server/main.ts': "the pages' server process: reads the environment once",
  'gateway/src/server.ts': "sets Apollo's telemetry switch before the gateway is built; reads nothing",
  'subgraphs/kit/src/testing/global-setup.ts': 'test infrastructure: TEST_DATABASE_URL, read when the test run starts',
  'subgraphs/kit/src/testing/test-database.ts':
    'test infrastructure: TEST_DATABASE_URL, read when a test makes its database',
  'subgraphs/kit/src/testing/scratch-folder.ts':
    'test infrastructure: TEST_SCRATCH_DIR, read when a test makes a folder',
};

function sourcesOf(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))
    .map((path) => `${folder}/${path.split(sep).join('/')}`)
    .sort();
}

/** Where a file names `process.env` in code (comments and strings do not count). */
export function environmentUses(path: string): number[] {
  const text = readFileSync(join(ROOT, path), 'utf8');
  // Parsing is the slow part: a file that does not even spell it is skipped.
  if (!/\bprocess\s*\.\s*env\b/.test(text)) return [];
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAccessExpression(node) &&
      node.name.text === 'env' &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'process'
    ) {
      lines.push(source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

/** The project file (not a dependency, not this test) that made the current call into the environment, if any. */
function projectCaller(stack: string | undefined): string | undefined {
  const frames = (stack ?? '').split('\n').slice(1);
  // The first frames are this file's trap; the next one made the read.
  const reader = frames
    .find((frame) => !frame.includes(THIS_FILE))
    ?.match(/\(?((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?$/);
  if (!reader?.[1]) return undefined;
  const file = reader[1].startsWith('file://') ? fileURLToPath(reader[1]) : reader[1];
  if (!file.startsWith(ROOT) || file.includes(`${sep}node_modules${sep}`)) return undefined;
  return `${relative(ROOT, file).split(sep).join('/')}:${reader[2]}`;
}

/**
 * Imports modules while `process.env` reports every access from a project file: a read of a variable, and
 * also handing the whole environment to a library (a config parser), which a trap on its keys would
 * attribute to the library.
 */
export async function readsWhileImporting(paths: readonly string[]): Promise<string[]> {
  const reads: string[] = [];
  const original = Object.getOwnPropertyDescriptor(process, 'env')!;
  const real = process.env;
  Object.defineProperty(process, 'env', {
    configurable: true,
    enumerable: true,
    get() {
      const caller = projectCaller(new Error().stack);
      if (caller) reads.push(`${caller} uses process.env`);
      return real;
    },
    set(value: NodeJS.ProcessEnv) {
      Object.defineProperty(process, 'env', { ...original, value });
    },
  });
  try {
    // The unit tier shares its module cache between files: evaluate each module afresh.
    vi.resetModules();
    for (const path of paths) await import(pathToFileURL(join(ROOT, path)).href);
  } finally {
    Object.defineProperty(process, 'env', original);
  }
  return reads;
}

/** The services' TypeScript sources, relative to the project root. */
export const serviceSources = (): string[] => FOLDERS.flatMap(sourcesOf);
