import { describe, expect, it } from 'vitest';
import { readsWhileImporting, serviceSources } from './environment-reads.ts';

// In the subgraph tier because importing every module of the five services takes longer than the unit tier's budget.
describe('reading the environment', () => {
  it('never happens when a module of a service is imported', { timeout: 180_000 }, async () => {
    // main.ts files run their process when imported; the test infrastructure reads when called, not before.
    const modules = serviceSources().filter((path) => !path.endsWith('/main.ts'));
    expect(modules.length).toBeGreaterThan(100);
    expect(await readsWhileImporting(modules)).toEqual([]);
  });
});
