import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useEffect, useState } from 'react';
import { useSession } from '../auth/session.tsx';
import { ask, NotAuthenticated, type GraphResult } from './client.ts';

export type GraphState<TData> =
  | { readonly status: 'loading' }
  | { readonly status: 'done'; readonly result: GraphResult<TData> }
  | { readonly status: 'failed'; readonly message: string };

/**
 * Asks the graph whenever the variables change, as the signed-in caller. `variables` is compared by its
 * JSON, so a page may build it inline. A refused token signs the page out.
 */
export function useGraph<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  skip = false,
): GraphState<TData> {
  const { token, signOut } = useSession();
  const [state, setState] = useState<GraphState<TData>>({ status: 'loading' });
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    let current = true;
    setState({ status: 'loading' });
    ask(document, JSON.parse(key) as TVariables, token).then(
      (result) => current && setState({ status: 'done', result }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof NotAuthenticated) signOut(error.message);
        setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [document, key, token, skip, signOut]);
  return state;
}
