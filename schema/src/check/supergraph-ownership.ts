import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type FieldDefinitionNode,
  type InterfaceTypeDefinitionNode,
  type ObjectTypeDefinitionNode,
} from 'graphql';

/** Who answers one field of the supergraph, read from its `@join__field` directives. */
export interface FieldOwnership {
  /** The subgraphs that resolve the field themselves (not `@external`, not overridden away). */
  readonly resolvers: ReadonlySet<string>;
  /** `@override(from:)`: the subgraph that overrides, and the one it takes the field from. */
  readonly overrides: readonly { readonly graph: string; readonly from: string }[];
  /** The data category the field's description names ("… (data category kindergeld)"), if any. */
  readonly category: string | undefined;
}

/** One object or interface type of the supergraph. */
export interface TypeOwnership {
  /** The subgraphs that define the type (`@join__type`). */
  readonly graphs: ReadonlySet<string>;
  /** Per subgraph, the top-level fields of its `@key`s: the shared reference, not the owner's data. */
  readonly keyFields: ReadonlyMap<string, ReadonlySet<string>>;
  readonly fields: ReadonlyMap<string, FieldOwnership>;
}

/** Ownership facts of a composed supergraph: the types, and the data categories (`Datenkategorie`) it knows. */
export interface SupergraphOwnership {
  readonly types: ReadonlyMap<string, TypeOwnership>;
  readonly categories: ReadonlySet<string>;
}

const CATEGORY_MENTION = /\bdata category ([a-z]+)/;

/** Reads who resolves what from a supergraph's join directives; subgraph names as `@join__graph(name:)`. */
export function readOwnership(supergraphSdl: string): SupergraphOwnership {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  const categories = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION) continue;
    for (const value of definition.values ?? []) {
      if (definition.name.value === 'join__Graph') {
        const name = stringArgument(
          value.directives?.find((d) => d.name.value === 'join__graph'),
          'name',
        );
        if (name) graphNames.set(value.name.value, name);
      }
      if (definition.name.value === 'Datenkategorie') categories.add(value.name.value.toLowerCase());
    }
  }
  const types = new Map<string, TypeOwnership>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      types.set(definition.name.value, typeOwnership(definition, graphNames, categories));
    }
  }
  return { types, categories };
}

function typeOwnership(
  definition: ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode,
  graphNames: ReadonlyMap<string, string>,
  categories: ReadonlySet<string>,
): TypeOwnership {
  const graphs = new Set<string>();
  const keyFields = new Map<string, Set<string>>();
  for (const directive of directivesNamed(definition.directives, 'join__type')) {
    const graph = graphNames.get(enumArgument(directive, 'graph') ?? '');
    if (!graph) continue;
    graphs.add(graph);
    const key = stringArgument(directive, 'key');
    if (key) keyFields.set(graph, new Set([...(keyFields.get(graph) ?? []), ...topLevelFields(key)]));
  }
  const fields = new Map<string, FieldOwnership>();
  for (const field of definition.fields ?? []) {
    fields.set(field.name.value, fieldOwnership(field, graphs, graphNames, categories));
  }
  return { graphs, keyFields, fields };
}

function fieldOwnership(
  field: FieldDefinitionNode,
  typeGraphs: ReadonlySet<string>,
  graphNames: ReadonlyMap<string, string>,
  categories: ReadonlySet<string>,
): FieldOwnership {
  const joins = directivesNamed(field.directives, 'join__field').filter((d) => enumArgument(d, 'graph'));
  // A field without @join__field is resolved by every subgraph that defines its type (the join spec's rule).
  const resolvers = new Set<string>(joins.length === 0 ? typeGraphs : []);
  const overrides: { graph: string; from: string }[] = [];
  for (const join of joins) {
    const graph = graphNames.get(enumArgument(join, 'graph')!);
    if (!graph) continue;
    if (!booleanArgument(join, 'external') && !booleanArgument(join, 'usedOverridden')) resolvers.add(graph);
    const from = stringArgument(join, 'override');
    if (from) overrides.push({ graph, from });
  }
  const mentioned = CATEGORY_MENTION.exec(field.description?.value ?? '')?.[1];
  return { resolvers, overrides, category: mentioned && categories.has(mentioned) ? mentioned : undefined };
}

/** Which subgraph owns each data category: the one that alone resolves the fields naming it. */
export function categoryOwners(ownership: SupergraphOwnership): ReadonlyMap<string, string> {
  const owners = new Map<string, string>();
  for (const type of ownership.types.values()) {
    for (const field of type.fields.values()) {
      const [only, ...others] = field.resolvers;
      if (field.category && only && others.length === 0 && !owners.has(field.category)) {
        owners.set(field.category, only);
      }
    }
  }
  return owners;
}

function topLevelFields(fieldSet: string): string[] {
  // A key's field set is a selection ("id", "personId", "id kinder { id }"): only the outer names matter here.
  const names: string[] = [];
  let depth = 0;
  for (const token of fieldSet.split(/(\{|\}|\s+)/)) {
    if (token === '{') depth += 1;
    else if (token === '}') depth -= 1;
    else if (depth === 0 && /^\w+$/.test(token)) names.push(token);
  }
  return names;
}

function directivesNamed(directives: readonly ConstDirectiveNode[] | undefined, name: string): ConstDirectiveNode[] {
  return (directives ?? []).filter((directive) => directive.name.value === name);
}

function argumentValue(directive: ConstDirectiveNode | undefined, name: string) {
  return directive?.arguments?.find((argument) => argument.name.value === name)?.value;
}

function stringArgument(directive: ConstDirectiveNode | undefined, name: string): string | undefined {
  const value = argumentValue(directive, name);
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function enumArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = argumentValue(directive, name);
  return value?.kind === Kind.ENUM ? value.value : undefined;
}

function booleanArgument(directive: ConstDirectiveNode, name: string): boolean {
  const value = argumentValue(directive, name);
  return value?.kind === Kind.BOOLEAN && value.value;
}
