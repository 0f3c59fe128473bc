import {
  GraphQLError,
  Kind,
  getNullableType,
  isInputObjectType,
  isInputType,
  isListType,
  typeFromAST,
  type ASTNode,
  type GraphQLFormattedError,
  type GraphQLInputType,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { ErrorCode } from '../errors.ts';
import { childPath, isIdType, itemPath, stringProblem, type InputLimits } from './limits.ts';

/**
 * Where each literal of a validated document sits, as `extensions.field` names it. graphql-js reports a
 * literal that its scalar refuses (a `Date` of 2015-02-30, an `Int` given "x") on the value's node, without
 * saying which argument it belongs to; `namedValidationError` finds the argument here. Weak, so a document
 * dropped from Apollo's cache takes its entries with it.
 */
const literalPaths = new WeakMap<ASTNode, string>();

/**
 * A validation rule, run once per new document (Apollo caches validated documents): records where each
 * literal sits and refuses string literals that are too long or hold a NUL character.
 */
export function literalInputRule(limits: InputLimits): ValidationRule {
  return (context) => {
    function walk(node: ValueNode, type: GraphQLInputType | null, path: string): void {
      literalPaths.set(node, path);
      const nullable = type ? getNullableType(type) : null;
      if (node.kind === Kind.LIST) {
        // A list where the type has none is a custom scalar's value (e.g. `_Any`): its strings are still text.
        const item = nullable && isListType(nullable) ? nullable.ofType : null;
        node.values.forEach((value, index) => walk(value, item, itemPath(path, index)));
      } else if (nullable && isListType(nullable)) {
        // GraphQL takes a single value where a list is expected as a list of one.
        walk(node, nullable.ofType, path);
      } else if (node.kind === Kind.OBJECT) {
        const fields = nullable && isInputObjectType(nullable) ? nullable.getFields() : null;
        for (const field of node.fields) {
          const fieldPath = childPath(path, field.name.value);
          literalPaths.set(field, fieldPath);
          walk(field.value, fields ? (fields[field.name.value]?.type ?? null) : null, fieldPath);
        }
      } else if (node.kind === Kind.STRING) {
        const problem = stringProblem(node.value, type !== null && isIdType(type), limits);
        if (problem) {
          context.reportError(
            new GraphQLError(`${path} ${problem}`, {
              nodes: node,
              extensions: { code: ErrorCode.BAD_USER_INPUT, field: path },
            }),
          );
        }
      }
    }
    return {
      // A variable's default is a literal too; it is named by the variable, as no argument is known yet.
      VariableDefinition(node) {
        const type = typeFromAST(context.getSchema(), node.type);
        if (node.defaultValue)
          walk(node.defaultValue, type && isInputType(type) ? type : null, `$${node.variable.name.value}`);
        return false;
      },
      Argument(node) {
        // An unknown argument is another rule's finding; its value is still checked as text.
        walk(node.value, context.getArgument()?.type ?? null, node.name.value);
        return false;
      },
    };
  };
}

/**
 * Apollo answers every validation error as GRAPHQL_VALIDATION_FAILED. One that sits on a single literal
 * is bad input, not a malformed request: it becomes BAD_USER_INPUT naming the argument, as a bad variable
 * value does. Errors about the document's shape (unknown fields, variables in the wrong place) stay as
 * they are.
 */
export function namedValidationError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions?.['code'] !== 'GRAPHQL_VALIDATION_FAILED' || !(error instanceof GraphQLError))
    return formatted;
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  const field = node && node.kind !== Kind.VARIABLE ? literalPaths.get(node) : undefined;
  if (field === undefined) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT, field } };
}
