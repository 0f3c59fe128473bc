import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** Arguments that say how many items a list field answers; the partners' connections take `first`. */
const SIZE_ARGUMENTS = new Set(['first', 'last']);

export interface CostInput {
  readonly schema: GraphQLSchema;
  readonly operation: OperationDefinitionNode;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly variables: Readonly<Record<string, unknown>> | undefined;
  /** The size assumed for a list field that takes no `first`/`last`. */
  readonly defaultListSize: number;
}

export interface CostEstimate {
  readonly cost: number;
  /** Whether a `first`/`last` was read from a variable: the cost then holds for those values only. */
  readonly readsVariables: boolean;
}

/** The input as the walk carries it, noting whether it read a variable. */
interface Walk extends CostInput {
  readsVariables: boolean;
}

/**
 * An estimate of the work an operation asks for, before any plan is made: every field costs 1, and a list
 * field multiplies the cost of what is selected below it by the items it may answer (`first`/`last`, else
 * the default list size). A connection (`personen(first: 100) { edges { node … } }`) is not a list itself:
 * its size is passed to the list fields directly below it. Introspection costs 1, the gateway answers it
 * alone and the depth limit bounds it.
 */
export function estimateCost(input: CostInput): CostEstimate {
  const root = input.schema.getRootType(input.operation.operation);
  if (!root) return { cost: 0, readsVariables: false };
  const walk: Walk = { ...input, readsVariables: false };
  const cost = selectionSetCost(walk, input.operation.selectionSet, root, undefined, new Set());
  return { cost, readsVariables: walk.readsVariables };
}

function selectionSetCost(
  input: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  sizeFromParent: number | undefined,
  fragmentsOnPath: ReadonlySet<string>,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += fieldCost(input, selection, parent, sizeFromParent, fragmentsOnPath);
      continue;
    }
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? input.fragments[selection.name.value] : selection;
    // A fragment cycle is refused by validation; here it only must not loop.
    if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && fragmentsOnPath.has(selection.name.value))) continue;
    const condition = fragment.typeCondition ? input.schema.getType(fragment.typeCondition.name.value) : parent;
    const onPath =
      selection.kind === Kind.FRAGMENT_SPREAD ? new Set([...fragmentsOnPath, selection.name.value]) : fragmentsOnPath;
    cost += selectionSetCost(
      input,
      fragment.selectionSet,
      isCompositeType(condition) ? condition : parent,
      sizeFromParent,
      onPath,
    );
  }
  return cost;
}

function fieldCost(
  input: Walk,
  field: FieldNode,
  parent: GraphQLCompositeType,
  sizeFromParent: number | undefined,
  fragmentsOnPath: ReadonlySet<string>,
): number {
  const name = field.name.value;
  if (name === '__typename') return 0;
  if (name === '__schema' || name === '__type') return 1;
  const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  if (!definition) return 1;
  const size = sizeArgument(input, field, definition);
  const type = getNamedType(definition.type);
  const isList = isListType(getNullableType(definition.type));
  const below = (sizeForChildren: number | undefined) =>
    field.selectionSet && isCompositeType(type)
      ? selectionSetCost(input, field.selectionSet, type, sizeForChildren, fragmentsOnPath)
      : 0;
  if (isList) return (size ?? sizeFromParent ?? input.defaultListSize) * (1 + below(undefined));
  return 1 + below(size);
}

/** The value of `first`/`last`, from the literal, the variable, or the argument's default; else none. */
function sizeArgument(input: Walk, field: FieldNode, definition: GraphQLField<unknown, unknown>): number | undefined {
  let size: number | undefined;
  for (const argument of definition.args) {
    if (!SIZE_ARGUMENTS.has(argument.name)) continue;
    const node = field.arguments?.find((candidate) => candidate.name.value === argument.name);
    const value = node ? valueOf(input, node.value) : argument.defaultValue;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) size = Math.max(size ?? 0, value);
  }
  return size;
}

function valueOf(input: Walk, node: ValueNode): unknown {
  if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
  if (node.kind !== Kind.VARIABLE) return undefined;
  input.readsVariables = true;
  const name = node.name.value;
  if (input.variables && name in input.variables) return input.variables[name];
  const definition = input.operation.variableDefinitions?.find((candidate) => candidate.variable.name.value === name);
  return definition?.defaultValue ? valueOf(input, definition.defaultValue) : undefined;
}
