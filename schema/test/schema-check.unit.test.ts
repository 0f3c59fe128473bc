import { readFileSync } from 'node:fs';
import { parse, print, visit, type FieldDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationsInUse } from '../src/check/operations-in-use.ts';
import { createSchemaChecker, type CheckResult } from '../src/check/schema-checker.ts';
import { readSubgraphSources, SUPERGRAPH_FILE } from '../src/compose.ts';

// Real composition of the real subgraph files with one partner's SDL changed, against the committed supergraph
// and the operations really in use (the pages, the Agentur's graph client, the docs, the trusted documents).
// A proposed SDL is the partner's own file; the kit's data-protection part is added around it, as for the file.
const sdlOf = (partner: string): string =>
  readFileSync(new URL(`../../subgraphs/${partner}/schema.graphql`, import.meta.url), 'utf8');
const check = createSchemaChecker(readFileSync(SUPERGRAPH_FILE, 'utf8'), operationsInUse());

/** The partner's SDL with one field of a type replaced (or removed, for null); fails if the field is not there. */
function withField(
  partner: string,
  typeName: string,
  fieldName: string,
  change: (field: FieldDefinitionNode) => FieldDefinitionNode | null,
): string {
  let found = false;
  const edited = visit(parse(sdlOf(partner)), {
    ObjectTypeDefinition(node) {
      if (node.name.value !== typeName) return undefined;
      const fields = (node.fields ?? []).flatMap((field) => {
        if (field.name.value !== fieldName) return [field];
        found = true;
        return change(field) ?? [];
      });
      return { ...node, fields };
    },
  });
  if (!found) throw new Error(`${partner} has no ${typeName}.${fieldName}`);
  return print(edited);
}

const renamed = (name: string) => (field: FieldDefinitionNode) => ({ ...field, name: { ...field.name, value: name } });

interface Case {
  readonly name: string;
  readonly partner: string;
  readonly sdl: () => string;
  readonly strict?: boolean;
  readonly expect: (result: CheckResult) => void;
}

const cases: readonly Case[] = [
  {
    name: 'a safe addition passes',
    partner: 'jobcenter',
    sdl: () => `${sdlOf('jobcenter')}\nextend type Query {\n  """A new question."""\n  pruefhinweis: String\n}\n`,
    expect: (result) => {
      expect(result.refusals).toEqual([]);
      expect(result.changes).toContainEqual(expect.objectContaining({ level: 'safe', path: 'Query.pruefhinweis' }));
      expect(result.changes.filter((change) => change.level !== 'safe')).toEqual([]);
    },
  },
  {
    name: 'removing a field a page asks for is refused, naming the operation and its file',
    partner: 'auslaenderbehoerde',
    sdl: () => withField('auslaenderbehoerde', 'Identitaet', 'geburtsdatum', () => null),
    expect: (result) => {
      const used = 'WebPersonenListe (apps/web/src/operations/person.graphql)';
      expect(result.changes).toContainEqual(
        expect.objectContaining({
          level: 'breaking',
          path: 'Identitaet.geburtsdatum',
          usedBy: expect.arrayContaining([used]),
        }),
      );
      expect(result.invalidOperations).toContainEqual({
        name: 'WebPersonenListe',
        source: 'apps/web/src/operations/person.graphql',
        errors: ['Cannot query field "geburtsdatum" on type "Identitaet".'],
      });
      expect(result.refusals.some((reason) => reason.includes(used))).toBe(true);
    },
  },
  {
    name: 'renaming a field no operation uses is listed as breaking and passes',
    partner: 'familienkasse',
    sdl: () => withField('familienkasse', 'Antragspaket', 'ausgegebenDurch', renamed('ausgegebenVon')),
    expect: (result) => {
      expect(result.changes).toContainEqual(
        expect.objectContaining({ level: 'breaking', path: 'Antragspaket.ausgegebenDurch', usedBy: [] }),
      );
      expect(result.refusals).toEqual([]);
    },
  },
  {
    name: 'with --strict the same rename is refused',
    partner: 'familienkasse',
    strict: true,
    sdl: () => withField('familienkasse', 'Antragspaket', 'ausgegebenDurch', renamed('ausgegebenVon')),
    expect: (result) => {
      expect(result.refusals).toEqual([expect.stringMatching(/^breaking change \(--strict\): .*ausgegebenDurch/)]);
    },
  },
  {
    name: "a partner defining a field of another's data category is refused, naming the owner",
    partner: 'jobcenter',
    sdl: () =>
      `${sdlOf('jobcenter')}\nextend type Person {\n  """The applications as the Jobcenter keeps them (data category kindergeld)."""\n  kindergeldAntraege: [String!]\n}\n`,
    expect: (result) => {
      expect(result.compositionErrors).toEqual([]);
      expect(result.ownership).toEqual([
        'jobcenter may not define Person.kindergeldAntraege: owned by familienkasse (category kindergeld)',
      ]);
      expect(result.refusals).toEqual(result.ownership);
    },
  },
  {
    name: 'the Jobcenter overriding a Familienkasse field is refused, naming the owner',
    partner: 'jobcenter',
    sdl: () =>
      withField('jobcenter', 'Person', 'kindergeldantraege', (field) => ({
        ...field,
        directives: parse('type T { f: Int @override(from: "familienkasse") }').definitions.flatMap((definition) =>
          'fields' in definition ? (definition.fields?.[0]?.directives ?? []) : [],
        ),
      })).replace('"@requires"]', '"@requires", "@override"]'),
    expect: (result) => {
      expect(result.ownership).toEqual([
        'jobcenter may not override Person.kindergeldantraege from familienkasse: owned by familienkasse (category kindergeld)',
      ]);
      expect(result.refusals).toEqual(expect.arrayContaining([...result.ownership]));
    },
  },
  {
    name: 'a change that does not compose is reported with the composition errors',
    partner: 'jobcenter',
    sdl: () =>
      `${sdlOf('jobcenter')}\nextend type Query {\n  """Clashes with the Ausländerbehörde's."""\n  person(id: ID!): String\n}\n`,
    expect: (result) => {
      expect(result.compositionErrors.join('\n')).toMatch(/Query\.person/);
      expect(result.refusals.length).toBeGreaterThan(0);
      expect(result.refusals.every((reason) => reason.startsWith('composition: '))).toBe(true);
    },
  },
];

describe('npm run schema:check', () => {
  it.each(cases)('$name', async ({ partner, sdl, strict, expect: verify }) => {
    verify(await check(partner, sdl(), { strict: strict ?? false }));
  });

  it("passes every partner's current file against the committed supergraph", async () => {
    for (const { name: partner } of readSubgraphSources()) {
      const result = await check(partner);
      expect(result.changes, partner).toEqual([]);
      expect(result.refusals, partner).toEqual([]);
    }
  });
});
