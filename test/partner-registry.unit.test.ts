import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARTNERS } from '@ip/kit/identity';

const ROOT = new URL('../', import.meta.url);
const rootPackage = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { workspaces: string[] };

describe.each(PARTNERS.map((entry) => [entry.name, entry] as const))('the registered partner %s', (name, entry) => {
  it("has the data categories its policy names, in the registry's order", async () => {
    const { Kategorie } = (await import(`../subgraphs/${name}/src/policy.ts`)) as {
      Kategorie: Record<string, string>;
    };
    expect(Object.values(Kategorie)).toEqual(entry.categories.map((category) => category.value));
    expect(Object.keys(Kategorie)).toEqual(entry.categories.map((category) => category.enumName));
  });

  it('is a workspace, and its package is named after it', () => {
    expect(rootPackage.workspaces).toContain(`subgraphs/${name}`);
    const own = JSON.parse(readFileSync(new URL(`subgraphs/${name}/package.json`, ROOT), 'utf8')) as { name: string };
    expect(own.name).toBe(`@ip/${name}`);
  });
});

describe('the partner registry', () => {
  it('gives every partner its own name, Behoerde value, port, environment prefix and categories', () => {
    const unique = (values: readonly unknown[]) => new Set(values).size === values.length;
    expect(unique(PARTNERS.map((entry) => entry.name))).toBe(true);
    expect(unique(PARTNERS.map((entry) => entry.behoerde))).toBe(true);
    expect(unique(PARTNERS.map((entry) => entry.port))).toBe(true);
    expect(unique(PARTNERS.map((entry) => entry.envPrefix))).toBe(true);
    expect(unique(PARTNERS.flatMap((entry) => entry.categories.map((category) => category.enumName)))).toBe(true);
  });

  it('names partners so that folders, tokens, databases and environment variables can carry them', () => {
    for (const entry of PARTNERS) {
      expect(entry.name).toMatch(/^[a-z][a-z0-9]*$/);
      expect(entry.behoerde).toBe(entry.name.toUpperCase());
      expect(entry.envPrefix).toBe(entry.name.toUpperCase());
      for (const category of entry.categories) {
        expect(category.value).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(category.enumName).toBe(category.value.toUpperCase());
      }
    }
  });
});
