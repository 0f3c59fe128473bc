import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Partner } from '../subgraphs/kit/src/identity/partners.ts';
import { problemWithName, scaffoldPartner } from './new-partner/scaffold.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TEMPLATES = fileURLToPath(new URL('new-partner/templates/partner/', import.meta.url));
/** What the scaffold reads and edits: a copy of these is all it needs. */
/** A name no real partner will take, so the test runs whatever the registry holds. */
const NAME = 'scaffoldprobe';
const INPUTS = [
  '.prettierrc.json',
  'package.json',
  'subgraphs/kit/package.json',
  'subgraphs/kit/src/identity/partners.ts',
];

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ip-new-partner-'));
  for (const path of INPUTS) await cp(join(ROOT, path), join(root, path));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

describe('a name for a new partner', () => {
  it.each([
    ['sozialamt', undefined],
    ['jugendamt2', undefined],
    ['Sozialamt', /lower-case/],
    ['sozial-amt', /lower-case/],
    ['s', /2 to 30/],
    ['1amt', /starting with a letter/],
    ['kit', /part of the system/],
    ['familienkasse', /registered already/],
  ])('%s: %s', (name, problem) => {
    const found = problemWithName(name, ['agentur', 'jobcenter', 'auslaenderbehoerde', 'familienkasse']);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });
});

describe('npm run new-partner', () => {
  it('writes every template, with no placeholder left, and a test in each tier', async () => {
    const result = await scaffoldPartner({ root, name: NAME, title: 'Probeamt', date: '2026-12-02' });
    const templates = (await readdir(TEMPLATES, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) =>
        join(entry.parentPath, entry.name)
          .slice(TEMPLATES.length)
          .replace(/\.tmpl$/, ''),
      );
    expect([...result.created].sort()).toEqual(
      [...templates.map((path) => `subgraphs/${NAME}/${path}`), `test/${NAME}.e2e.test.ts`].sort(),
    );
    for (const path of result.created) {
      const text = await readFile(join(root, path), 'utf8');
      expect(text, path).not.toMatch(/__(name|Name|NAME|Title|port|date|AZ|dataloader|graphql|kysely)__/);
    }
    for (const tier of ['unit', 'subgraph', 'e2e']) {
      expect(result.created.some((path) => path.endsWith(`.${tier}.test.ts`))).toBe(true);
    }
    const schema = await readFile(join(root, `subgraphs/${NAME}/schema.graphql`), 'utf8');
    expect(schema).toContain('type Person @key(fields: "id")');
    expect(schema).toContain('scaffoldprobeVorgaenge: [ScaffoldprobeVorgang!]');
    expect(await readFile(join(root, `subgraphs/${NAME}/src/db/migrations.ts`), 'utf8')).toContain(
      "'2026-12-02-001-vorgang'",
    );
  });

  it('registers the partner: an entry of the registry, with the next free port, and a workspace', async () => {
    const result = await scaffoldPartner({ root, name: NAME, title: 'Probeamt' });
    expect(result.edited).toEqual(['subgraphs/kit/src/identity/partners.ts', 'package.json']);
    const { PARTNERS } = (await import(pathToFileURL(join(root, 'subgraphs/kit/src/identity/partners.ts')).href)) as {
      PARTNERS: readonly Partner[];
    };
    const before = PARTNERS.filter((entry) => entry.name !== NAME);
    expect(PARTNERS.at(-1)).toEqual({
      name: NAME,
      behoerde: 'SCAFFOLDPROBE',
      title: 'Probeamt',
      shortTitle: 'Probeamt',
      description: 'Probeamt.',
      port: Math.max(...before.map((entry) => entry.port)) + 1,
      envPrefix: 'SCAFFOLDPROBE',
      roles: ['sachbearbeitung', 'teamleitung', 'datenschutz'],
      categories: [
        {
          value: 'scaffoldprobe_vorgang',
          enumName: 'SCAFFOLDPROBE_VORGANG',
          description: "its case files (the scaffold's example category).",
        },
      ],
    });
    const workspaces = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { workspaces: string[] })
      .workspaces;
    const last = before.at(-1)!.name;
    expect(workspaces.indexOf(`subgraphs/${NAME}`)).toBe(workspaces.indexOf(`subgraphs/${last}`) + 1);
  });

  it('refuses a partner registered already, and a port taken', async () => {
    await scaffoldPartner({ root, name: NAME });
    await expect(scaffoldPartner({ root, name: NAME })).rejects.toThrow(/registered already/);
    await expect(scaffoldPartner({ root, name: 'zweite', port: 4004 })).rejects.toThrow(/port 4004 is taken/);
  });
});
