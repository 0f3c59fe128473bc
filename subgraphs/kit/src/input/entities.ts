import {
  GraphQLError,
  Kind,
  getNamedType,
  isLeafType,
  isObjectType,
  parse,
  type DocumentNode,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
  type StringValueNode,
} from 'graphql';
import { badUserInput } from '../errors.ts';
import { childPath, stringProblem, type InputLimits } from './limits.ts';

/** One field of an entity's `@key`, with the scalar it must hold or the key fields below it. */
interface KeyField {
  readonly name: string;
  readonly leaf: GraphQLLeafType | null;
  readonly children: readonly KeyField[];
}

function keyFields(type: GraphQLObjectType, selections: SelectionSetNode): KeyField[] {
  return selections.selections.flatMap((selection) => {
    if (selection.kind !== Kind.FIELD) return [];
    const fieldType = getNamedType(type.getFields()[selection.name.value]?.type);
    if (!fieldType) return [];
    const children =
      selection.selectionSet && isObjectType(fieldType) ? keyFields(fieldType, selection.selectionSet) : [];
    return [{ name: selection.name.value, leaf: isLeafType(fieldType) ? fieldType : null, children }];
  });
}

/** Each entity type's keys as the subgraph's own SDL declares them (`@key(fields: "id")`). */
function entityKeys(schema: GraphQLSchema, typeDefs: DocumentNode): Map<string, KeyField[][]> {
  const keys = new Map<string, KeyField[][]>();
  for (const definition of typeDefs.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = schema.getType(definition.name.value);
    if (!isObjectType(type)) continue;
    for (const directive of definition.directives ?? []) {
      const fields = directive.arguments?.find((argument) => argument.name.value === 'fields')?.value as
        StringValueNode | undefined;
      if (directive.name.value !== 'key' || fields?.kind !== Kind.STRING) continue;
      const [operation] = parse(`{ ${fields.value} }`).definitions;
      if (operation?.kind !== Kind.OPERATION_DEFINITION) continue;
      keys.set(type.name, [...(keys.get(type.name) ?? []), keyFields(type, operation.selectionSet)]);
    }
  }
  return keys;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** What is wrong with a representation's key fields, or null when it carries the whole key. */
function keyProblem(
  value: Record<string, unknown>,
  fields: readonly KeyField[],
  path: string,
  limits: InputLimits,
): GraphQLError | null {
  for (const field of fields) {
    const at = childPath(path, field.name);
    const given = value[field.name];
    if (given === undefined || given === null) return badUserInput(`${at} is missing: the entity's key needs it`, at);
    if (!field.leaf) {
      if (!isRecord(given)) return badUserInput(`${at} must be an object`, at);
      const nested = keyProblem(given, field.children, at, limits);
      if (nested) return nested;
      continue;
    }
    const textual = field.leaf.name === 'ID' || field.leaf.name === 'String';
    if (typeof given === 'object' || (textual && typeof given !== 'string'))
      return badUserInput(`${at} must be a single ${field.leaf.name}`, at);
    try {
      field.leaf.parseValue(given);
    } catch (error) {
      return badUserInput(`${at} is not a valid ${field.leaf.name}: ${(error as Error).message}`, at);
    }
    const problem = typeof given === 'string' ? stringProblem(given, field.leaf.name === 'ID', limits) : null;
    if (problem) return badUserInput(`${at} ${problem}`, at);
  }
  return null;
}

function checkRepresentations(representations: unknown, keys: Map<string, KeyField[][]>, limits: InputLimits): void {
  if (!Array.isArray(representations)) throw badUserInput('representations must be a list', 'representations');
  representations.forEach((representation, index) => {
    const at = `representations[${index}]`;
    if (!isRecord(representation))
      throw badUserInput(`${at} must be an object with __typename and the entity's key fields`, at);
    const typename = representation['__typename'];
    const typeKeys = typeof typename === 'string' ? keys.get(typename) : undefined;
    if (!typeKeys)
      throw badUserInput(`${at}.__typename does not name an entity type of this subgraph`, `${at}.__typename`);
    // One complete key suffices; if none is, the first key's problem is the one to name.
    let first: GraphQLError | null = null;
    for (const key of typeKeys) {
      const problem = keyProblem(representation, key, at, limits);
      if (!problem) return;
      first ??= problem;
    }
    if (first) throw first;
  });
}

/**
 * Checks `_entities` representations against the subgraph's entity types and the scalars of their keys
 * before any `__resolveReference` sees them. A representation is the caller's input like any other; a
 * malformed one (an id that is a list, an unknown type, a missing key) is BAD_USER_INPUT, not a crash
 * deep inside a partner's resolver.
 */
export function guardEntities(schema: GraphQLSchema, typeDefs: DocumentNode, limits: InputLimits): void {
  const field = schema.getQueryType()?.getFields()['_entities'];
  if (!field?.resolve) return;
  const keys = entityKeys(schema, typeDefs);
  const resolve = field.resolve;
  field.resolve = (source, args: Readonly<Record<string, unknown>>, context, info) => {
    checkRepresentations(args['representations'], keys, limits);
    return resolve(source, args, context, info);
  };
}
