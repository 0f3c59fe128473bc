import { createHash } from 'node:crypto';
import { print, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import type { AccessControl } from './access-control.ts';

/** What an access-log entry says about the operation that asked. */
export interface OperationLabel {
  /** The operation's name if short and plain, else `UNTRUSTED_OPERATION_NAME`; generated for an anonymous one. */
  readonly name: string;
  /** sha256 (hex) of the whole document the subgraph received. */
  readonly hash: string;
}

/**
 * Stored instead of a name the log cannot vouch for. The name is the caller's choice: the gateway passes
 * it on as `<client's name>__<subgraph>__<n>`, a direct caller sends what it likes. A long one would fill
 * a log nobody may delete for six months; an odd one could pass for something it is not.
 */
export const UNTRUSTED_OPERATION_NAME = '(nicht vertrauenswuerdig)';
export const MAX_OPERATION_NAME_LENGTH = 100;
// GraphQL's own grammar allows no other characters in a name today; the check keeps the log's promise
// independent of the parser.
const PLAIN_NAME = /^[A-Za-z0-9_]+$/;

// Apollo keeps one parsed document per distinct query text, so each text is hashed once, not per entry.
const hashes = new WeakMap<OperationDefinitionNode, string>();

function documentHash(operation: OperationDefinitionNode): string {
  let hash = hashes.get(operation);
  if (!hash) {
    // Apollo parses with locations, so the source is the text as received; print() only if it was dropped.
    hash = createHash('sha256')
      .update(operation.loc?.source.body ?? print(operation))
      .digest('hex');
    hashes.set(operation, hash);
  }
  return hash;
}

/** The operation a log entry names: a plain name as given, else a placeholder, and the document's hash. */
export function operationOf(info: GraphQLResolveInfo): OperationLabel {
  const given = info.operation.name?.value;
  const plain = given !== undefined && given.length <= MAX_OPERATION_NAME_LENGTH && PLAIN_NAME.test(given);
  const name =
    given === undefined ? `anonym:${info.parentType.name}.${info.fieldName}` : plain ? given : UNTRUSTED_OPERATION_NAME;
  return { name, hash: documentHash(info.operation) };
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
  await context.access.require(personId, category, operationOf(info), info);
  return value();
}
