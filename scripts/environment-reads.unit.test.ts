import { describe, expect, it } from 'vitest';
import { ALLOWED, environmentUses, readsWhileImporting, serviceSources } from './environment-reads.ts';

describe('reading the environment', () => {
  it('happens only in the files allowed to, each for its reason', () => {
    const found = serviceSources().flatMap((path) => environmentUses(path).map((line) => `${path}:${line}`));
    expect(found.filter((use) => !(use.split(':')[0]! in ALLOWED))).toEqual([]);
    // An entry for a file that no longer reads the environment is a permission nobody needs.
    expect(Object.keys(ALLOWED).filter((path) => !found.some((use) => use.startsWith(`${path}:`)))).toEqual([]);
  });

  it('on import is caught by environment-reads.subgraph.test.ts: a module that does it is reported', async () => {
    expect(await readsWhileImporting(['scripts/fixtures/reads-environment-on-import.ts'])).toEqual([
      'scripts/fixtures/reads-environment-on-import.ts:3 uses process.env',
    ]);
  });
});
