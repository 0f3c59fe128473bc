import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * vitest.config.ts picks a file by the tier in its name (`*.unit.test.ts`, `*.subgraph.test.ts`,
 * `*.e2e.test.ts`); a test file without one would be run by no project, silently.
 */
describe('every test file names its tier', () => {
  it('has no *.test.ts outside the three tiers', () => {
    const root = fileURLToPath(new URL('../', import.meta.url));
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.test.ts'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((file) => file && !file.includes('node_modules/'));
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((file) => !/\.(unit|subgraph|e2e)\.test\.ts$/.test(file))).toEqual([]);
  });
});
