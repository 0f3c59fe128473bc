import { Kind, parse, type ConstDirectiveNode } from 'graphql';
import type { FieldOwnership, SupergraphOwnership, TypeOwnership } from './supergraph-ownership.ts';

/**
 * `@override(from: "<another partner>")` in the partner's own SDL: taking a field over is refused whatever the
 * field, and read from the SDL itself so that it is named even when the change does not compose.
 */
export function overrideViolations(partner: string, proposedSdl: string, committed: SupergraphOwnership): string[] {
  let document;
  try {
    document = parse(proposedSdl);
  } catch {
    return []; // the composition names the syntax error
  }
  const violations: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      const from = overriddenFrom(field.directives);
      if (from === undefined || from === partner) continue;
      const before = committed.types.get(definition.name.value)?.fields.get(field.name.value);
      const owner = soleResolver(before, partner) ?? from;
      const coordinate = `${definition.name.value}.${field.name.value}`;
      violations.push(`${partner} may not override ${coordinate} from ${from}: owned by ${owner}${about(before)}`);
    }
  }
  return violations;
}

function overriddenFrom(directives: readonly ConstDirectiveNode[] | undefined): string | undefined {
  // Imported as @override, or unimported under its namespaced name.
  const directive = directives?.find((d) => d.name.value === 'override' || d.name.value === 'federation__override');
  const from = directive?.arguments?.find((argument) => argument.name.value === 'from')?.value;
  return from?.kind === Kind.STRING ? from.value : undefined;
}

/**
 * The fields `partner` resolves in the proposed supergraph that belong to another partner, each with why and
 * whose it is. Each partner owns its data (the Bürogemeinschaft): a field is another's when the committed
 * supergraph has exactly that one other subgraph resolving it, when its description names a data category
 * another partner owns, or when it is new on a type whose fields only one other partner resolves. Allowed: the
 * partner's own fields, a key field of its `@key` (the shared person reference `id`), `@external` fields (they
 * are not resolved), `@requires` fields of its own, and shareable value types several partners define.
 */
export function ownershipViolations(
  partner: string,
  committed: SupergraphOwnership,
  proposed: SupergraphOwnership,
  categoryOwners: ReadonlyMap<string, string>,
): string[] {
  const violations: string[] = [];
  for (const [typeName, type] of proposed.types) {
    if (typeName.startsWith('join__') || typeName.startsWith('link__')) continue;
    const before = committed.types.get(typeName);
    for (const [fieldName, field] of type.fields) {
      const coordinate = `${typeName}.${fieldName}`;
      const beforeField = before?.fields.get(fieldName);
      if (!field.resolvers.has(partner) || beforeField?.resolvers.has(partner)) continue;
      if (field.overrides.some(({ graph }) => graph === partner)) continue; // overrideViolations names it, once
      if (type.keyFields.get(partner)?.has(fieldName)) continue;
      const refusal = whoseField(partner, typeName, type, before, beforeField, field, categoryOwners);
      if (refusal) violations.push(`${partner} may not define ${coordinate}: ${refusal}`);
    }
  }
  return violations;
}

/** Why a field the partner newly resolves is another's ("owned by familienkasse (category kindergeld)"), or null. */
function whoseField(
  partner: string,
  typeName: string,
  type: TypeOwnership,
  before: TypeOwnership | undefined,
  beforeField: FieldOwnership | undefined,
  field: FieldOwnership,
  categoryOwners: ReadonlyMap<string, string>,
): string | null {
  const categoryOwner = field.category ? categoryOwners.get(field.category) : undefined;
  if (beforeField) {
    const owner = soleResolver(beforeField, partner);
    // A value type (no @key anywhere) that several partners define as @shareable carries no one's data by itself.
    const sharedValueType = type.keyFields.size === 0 && field.resolvers.size > 1;
    if (owner && !sharedValueType) return `owned by ${owner}${about(beforeField)}`;
  }
  if (categoryOwner && categoryOwner !== partner) return `owned by ${categoryOwner}${about(field)}`;
  if (!beforeField && before) {
    const owners = typeOwners(before);
    const [only, ...others] = owners;
    if (only && only !== partner && others.length === 0) return `type ${typeName} is owned by ${only}`;
  }
  return null;
}

/** The one subgraph other than `partner` that resolves the field, if exactly one does. */
function soleResolver(field: FieldOwnership | undefined, partner: string): string | undefined {
  const others = [...(field?.resolvers ?? [])].filter((graph) => graph !== partner);
  return others.length === 1 ? others[0] : undefined;
}

/** The subgraphs that resolve the type's fields other than their keys: whose data the type holds. */
function typeOwners(type: TypeOwnership): Set<string> {
  const owners = new Set<string>();
  for (const [name, field] of type.fields) {
    for (const graph of field.resolvers) if (!type.keyFields.get(graph)?.has(name)) owners.add(graph);
  }
  return owners;
}

function about(field: FieldOwnership | undefined): string {
  return field?.category ? ` (category ${field.category})` : '';
}
