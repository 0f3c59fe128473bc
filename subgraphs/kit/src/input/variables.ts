import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  coerceInputValue,
  getNullableType,
  isInputObjectType,
  isInputType,
  isListType,
  Kind,
  typeFromAST,
  visit,
  type DocumentNode,
  type GraphQLError,
  type GraphQLInputType,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { childPath, inputError, isIdType, itemPath, stringProblem, type InputLimits } from './limits.ts';

/** Where each variable is first used, as `extensions.field` names it (`erklaerung.personId` for `{ personId: $p }`). */
const positionsByOperation = new WeakMap<OperationDefinitionNode, Map<string, string>>();

function variablePositions(document: DocumentNode, operation: OperationDefinitionNode): Map<string, string> {
  let positions = positionsByOperation.get(operation);
  if (positions) return positions;
  const found = new Map<string, string>();
  const walk = (node: ValueNode, path: string): void => {
    if (node.kind === Kind.VARIABLE) {
      if (!found.has(node.name.value)) found.set(node.name.value, path);
    } else if (node.kind === Kind.LIST) {
      node.values.forEach((value, index) => walk(value, itemPath(path, index)));
    } else if (node.kind === Kind.OBJECT) {
      for (const field of node.fields) walk(field.value, childPath(path, field.name.value));
    }
  };
  visit(document, {
    // Another operation of the same document has variables of its own.
    OperationDefinition: (node) => (node === operation ? undefined : false),
    Argument(node) {
      walk(node.value, node.name.value);
      return false;
    },
  });
  positions = found;
  positionsByOperation.set(operation, positions);
  return positions;
}

/** The first string in a coerced value that breaks the limits, with its path. */
function stringInValue(
  value: unknown,
  type: GraphQLInputType | null,
  path: string,
  limits: InputLimits,
): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = stringProblem(value, type !== null && isIdType(type), limits);
    return problem ? { path, problem } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  const nullable = type ? getNullableType(type) : null;
  if (Array.isArray(value)) {
    const item = nullable && isListType(nullable) ? nullable.ofType : null;
    for (let index = 0; index < value.length; index++) {
      const found = stringInValue(value[index], item, itemPath(path, index), limits);
      if (found) return found;
    }
    return null;
  }
  // An input object's fields have types; a custom scalar's object (`_Any`) is plain JSON, all of it text.
  const fields = nullable && isInputObjectType(nullable) ? nullable.getFields() : null;
  for (const [name, field] of Object.entries(value)) {
    const found = stringInValue(field, fields ? (fields[name]?.type ?? null) : null, childPath(path, name), limits);
    if (found) return found;
  }
  return null;
}

/** Checks one variable's value as graphql-js will coerce it, naming the argument it feeds. */
function checkVariable(
  type: GraphQLInputType,
  value: unknown,
  field: string,
  limits: InputLimits,
): GraphQLError | null {
  let refused: GraphQLError | null = null;
  const coerced = coerceInputValue(value, type, (path, _invalid, error) => {
    if (refused) return;
    const at = path.reduce<string>(
      (prefix, key) => (typeof key === 'number' ? itemPath(prefix, key) : childPath(prefix, key)),
      field,
    );
    refused = inputError(`${at}: ${error.message}`, at);
  });
  if (refused) return refused;
  const found = stringInValue(coerced, type, field, limits);
  return found ? inputError(`${found.path} ${found.problem}`, found.path) : null;
}

/**
 * Checks every variable before anything runs: a value its type refuses (a `Date` of 2015-02-30, a list
 * where an object belongs) or a string over the limits is answered BAD_USER_INPUT with HTTP 400, naming
 * the argument it would feed, and nothing is resolved or written. Two passes over the input, graphql-js's
 * coercion and the string check, so the cost grows with the input's size and nothing else.
 */
export function variableInputPlugin(limits: InputLimits): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          const definitions = operation?.variableDefinitions ?? [];
          if (!operation || definitions.length === 0) return;
          const values: Readonly<Record<string, unknown>> = request.variables ?? {};
          const positions = variablePositions(document, operation);
          for (const definition of definitions) {
            const name = definition.variable.name.value;
            const value = values[name];
            // A missing value takes its default or is refused by graphql-js itself, naming the variable.
            if (value === undefined) continue;
            const type = typeFromAST(schema, definition.type);
            if (!type || !isInputType(type)) continue;
            const refused = checkVariable(type, value, positions.get(name) ?? `$${name}`, limits);
            if (refused) throw refused;
          }
        },
      };
    },
  };
}
