import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  NoUnusedFragmentsRule,
  specifiedRules,
  TypeInfo,
  typeFromAST,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

/** The schema coordinates an operation touches, as @graphql-inspector/core writes a change's `path`. */
export interface UsedCoordinates {
  /** Types, fields (`Person.id`), arguments (`Query.person.id`), input fields and enum values it names. */
  readonly exact: ReadonlySet<string>;
  /**
   * What a change *inside* breaks too: a field (a required argument added), an enum it reads or writes (a
   * value removed), an input type it sends (a required field added).
   */
  readonly whole: ReadonlySet<string>;
}

// An operation of a docs block is validated with the block's fragments, some of which other operations use.
const RULES = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

/** graphql-js's validation errors of the operation against the schema, as messages. */
export function validationErrors(schema: GraphQLSchema, document: DocumentNode): string[] {
  return validate(schema, document, RULES).map((error) => error.message);
}

/** The coordinates of `schema` the operation uses (unknown names are left out: the operation is new). */
export function usedCoordinates(schema: GraphQLSchema, document: DocumentNode): UsedCoordinates {
  const exact = new Set<string>();
  const whole = new Set<string>();
  const wholeType = (name: string) => {
    exact.add(name);
    whole.add(name);
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        exact.add(parent.name).add(`${parent.name}.${field.name}`);
        whole.add(`${parent.name}.${field.name}`);
        const returned = getNamedType(field.type);
        if (isEnumType(returned)) wholeType(returned.name);
      },
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const argument = typeInfo.getArgument();
        if (!parent || !field || !argument) return; // a directive's argument, or an unknown one
        exact.add(`${parent.name}.${field.name}.${node.name.value}`);
        const type = getNamedType(argument.type);
        if (isEnumType(type) || isInputObjectType(type)) wholeType(type.name);
      },
      ObjectField(node) {
        const parent = typeInfo.getParentInputType();
        const named = parent ? getNamedType(parent) : undefined;
        if (named) exact.add(`${named.name}.${node.name.value}`);
      },
      EnumValue(node) {
        const type = typeInfo.getInputType();
        const named = type ? getNamedType(type) : undefined;
        if (named) exact.add(`${named.name}.${node.value}`);
      },
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type);
        if (type) wholeType(getNamedType(type).name);
      },
      NamedType(node) {
        // Type conditions of fragments and the types of variables.
        if (schema.getType(node.name.value)) exact.add(node.name.value);
      },
    }),
  );
  return { exact, whole };
}

/** True when a change at `path` (an inspector change's path) touches what the operation uses. */
export function touches(path: string, used: UsedCoordinates): boolean {
  if (used.exact.has(path)) return true;
  for (const coordinate of used.exact) if (coordinate.startsWith(`${path}.`)) return true;
  for (const coordinate of used.whole) if (path.startsWith(`${coordinate}.`)) return true;
  return false;
}
