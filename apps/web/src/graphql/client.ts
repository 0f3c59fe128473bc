import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** One error of a GraphQL answer, as the gateway sends it: a stable `extensions.code` and what it names. */
export interface GraphError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** An extension of an error as text: a string as it is, anything else as JSON, nothing as ''. */
export function extensionText(error: GraphError, key: string): string {
  const value = error.extensions?.[key];
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A GraphQL answer: what the graph released, and why the rest is missing. Both may be there at once. */
export interface GraphResult<TData> {
  readonly data: TData | null;
  readonly errors: readonly GraphError[];
}

/** The caller's token was refused (expired, say): the page asks for a new one. */
export class NotAuthenticated extends Error {}

const texts = new WeakMap<object, string>();

/**
 * The exact text of an operation, printed by graphql-js: the same text `npm run trusted-documents` registers
 * for the `.graphql` file (apps/web/test/operations.unit.test.ts checks it), so the gateway runs it in
 * production mode too.
 */
function textOf(document: object): string {
  let text = texts.get(document);
  if (text === undefined) {
    text = print(document as Parameters<typeof print>[0]);
    texts.set(document, text);
  }
  return text;
}

/**
 * Sends an operation to the graph through the page's own server (`/graphql`, same origin), with the
 * caller's bearer token when the page holds one (the local issuer); behind an identity provider's proxy
 * the proxy adds it.
 */
export async function ask<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  token: string | undefined,
): Promise<GraphResult<TData>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: textOf(document), variables }),
  });
  if (response.status === 401) throw new NotAuthenticated('Die Anmeldung ist abgelaufen oder ungültig.');
  const body = (await response.json().catch(() => null)) as { data?: TData | null; errors?: GraphError[] } | null;
  if (!body) throw new Error(`Das Gateway antwortete mit HTTP ${response.status} ohne GraphQL-Antwort.`);
  return { data: body.data ?? null, errors: body.errors ?? [] };
}
