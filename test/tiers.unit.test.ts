import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * vitest.config.ts picks test files by their tier's suffix; a file named only `*.test.ts` would belong
 * to no project and never run, silently. This keeps every test file in a tier.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Every test file of the project, outside dependencies, data and hidden folders. */
function testFiles(folder = ''): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'data' || entry.name.startsWith('.')
        ? []
        : testFiles(path);
    return /\.test\.[cm]?[jt]sx?$/.test(entry.name) ? [path] : [];
  });
}

describe('test tiers', () => {
  it('finds the test files', () => {
    expect(testFiles()).toContain('test/tiers.unit.test.ts');
  });

  it('has every test file in a tier: *.unit, *.subgraph or *.e2e .test.ts', () => {
    expect(testFiles().filter((path) => !/\.(unit|subgraph|e2e)\.test\.ts$/.test(path))).toEqual([]);
  });
});
