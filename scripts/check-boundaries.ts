import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARTNERS as REGISTRY } from '../subgraphs/kit/src/identity/partners.ts';

/**
 * The Bürogemeinschaft in the code base: no subgraph imports another partner's code, the kit imports no
 * partner, and the gateway imports no subgraph code. The one exception is the kit's identity module
 * (`@ip/kit/identity`): the gateway must check tokens exactly as every subgraph does, so both use it.
 * `@ip/observability` (logs, metrics, traces, health endpoints) serves the gateway and the subgraphs
 * alike and imports none of them, so that it can hold no domain logic.
 */
export const PARTNERS: readonly string[] = REGISTRY.map((entry) => entry.name);

export interface SourceFile {
  /** Path relative to the project root, with forward slashes. */
  readonly path: string;
  readonly source: string;
}

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

/** Which part of the code base a path belongs to: a partner, the kit, the gateway, or anything else. */
function owner(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'subgraphs' && parts[1]) return parts[1];
  return parts[0] ?? '';
}

function targetOf(fromPath: string, specifier: string): string | null {
  const packageMatch = /^@ip\/([a-z-]+)/.exec(specifier);
  if (packageMatch) return packageMatch[1] === 'e2e' ? 'test' : (packageMatch[1] ?? null);
  if (!specifier.startsWith('.')) return null;
  const target = join(dirname(fromPath), specifier).split(sep).join('/');
  return owner(target);
}

const GATEWAY_MAY_IMPORT = new Set(['@ip/kit/identity', '@ip/observability']);

function allowed(from: string, to: string, specifier: string): boolean {
  if (from === to) return true;
  if (from === 'gateway') return GATEWAY_MAY_IMPORT.has(specifier);
  if (PARTNERS.includes(from)) return to === 'kit' || to === 'observability';
  if (from === 'kit') return to === 'observability';
  if (from === 'observability') return false;
  return true;
}

export function findViolations(files: readonly SourceFile[]): string[] {
  const violations: string[] = [];
  for (const file of files) {
    const from = owner(file.path);
    if (from !== 'gateway' && from !== 'kit' && from !== 'observability' && !PARTNERS.includes(from)) continue;
    for (const match of file.source.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (!specifier) continue;
      const to = targetOf(file.path, specifier);
      if (
        to !== null &&
        ['gateway', 'kit', 'observability', 'test', ...PARTNERS].includes(to) &&
        !allowed(from, to, specifier)
      ) {
        violations.push(`${file.path}: imports '${specifier}' (${from} may not depend on ${to})`);
      }
    }
  }
  return violations;
}

function listSources(root: string, folder: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|mts|js|mjs)$/.test(entry)) {
        files.push({ path: relative(root, full).split(sep).join('/'), source: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(join(root, folder));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(new URL('../', import.meta.url)));
  const files = [
    ...listSources(root, 'subgraphs'),
    ...listSources(root, 'gateway'),
    ...listSources(root, 'observability'),
  ];
  const violations = findViolations(files);
  if (violations.length > 0) {
    console.error(`boundary check failed:\n${violations.map((violation) => `  ${violation}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(`boundary check passed (${files.length} files)`);
  }
}
