import type { GraphQLResolveInfo } from 'graphql';
import type { AccessControl } from './access-control.ts';

/** The operation a log entry names: the client's operation name as the gateway passes it on. */
export function operationOf(info: GraphQLResolveInfo): string {
  return info.operation.name?.value ?? `anonym:${info.parentType.name}.${info.fieldName}`;
}

/**
 * Resolves a field of a data category only after the owner released the category to the caller;
 * otherwise the field is null with an EINWILLIGUNG_FEHLT error, and the rest of the answer stands.
 */
export async function released<T>(
  context: { readonly access: AccessControl },
  personId: string,
  category: string,
  info: GraphQLResolveInfo,
  value: () => T | Promise<T>,
): Promise<T> {
  await context.access.require(personId, category, operationOf(info));
  return value();
}
