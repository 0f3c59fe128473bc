import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { inClientSpan, injectTraceHeaders, REQUEST_ID_HEADER } from '@ip/observability';
import { print, type DocumentNode } from 'graphql';
import type { CallerRequest } from './define-subgraph.ts';
import { partnerUnreachable, type Ausfallgrund } from './errors.ts';

export interface GraphError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Record<string, unknown>;
}

export interface GraphAnswer<TData> {
  readonly data: TData | null;
  readonly errors: readonly GraphError[];
}

export interface GraphClient {
  /**
   * Sends one operation to the graph as the caller; any answer the graph gives comes back, failures to reach it
   * throw. The document is generated from a `.graphql` file (`npm run codegen`), so its result and variables are
   * typed against the supergraph, and its printed text is the one the gateway's trusted documents register.
   */
  request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<GraphAnswer<TData>>;
}

export interface GraphClientOptions {
  /** The gateway's URL; a function, because a test knows it only after the subgraphs listen. */
  readonly url: () => string;
  /**
   * The caller's own Authorization header: the owner of the data decides and logs for the caller, not for us;
   * and the request's trace context and id, so the nested request is part of the caller's trace and log.
   */
  readonly caller: CallerRequest;
  /** The partner whose data the operation asks for, named in the error when it cannot be reached. */
  readonly partner: string;
  readonly timeoutMs?: number;
}

/** Each document is printed once: the same text every time, as its trusted-document hash needs. */
const printed = new WeakMap<DocumentNode, string>();

function queryText(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/**
 * A subgraph asking the graph on its caller's behalf ("facts cross partners through the graph"): the
 * caller's token goes along, so the owning partner checks that caller's rights and logs that caller. With
 * tracing on, the request is a client span (`graph query`) whose context goes along as `traceparent`, so
 * the gateway's nested request joins the caller's trace; without, the caller's own `traceparent` goes along.
 */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  // The same `grund` values the gateway gives a client for a partner that failed it.
  const unreachable = (grund: Ausfallgrund) => partnerUnreachable(options.partner, grund);
  return {
    async request<TData, TVariables extends Record<string, unknown>>(
      document: TypedDocumentNode<TData, TVariables>,
      variables: TVariables,
    ) {
      const { caller } = options;
      return inClientSpan('graph query', { 'ip.partner': options.partner }, async () => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (caller.authorization) headers['authorization'] = caller.authorization;
        if (caller.requestId) headers[REQUEST_ID_HEADER] = caller.requestId;
        injectTraceHeaders(headers, caller.traceparent);
        let response: Response;
        try {
          response = await fetch(options.url(), {
            method: 'POST',
            headers,
            body: JSON.stringify({ query: queryText(document), variables }),
            signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
          });
        } catch (error) {
          throw unreachable(
            (error as { name?: string }).name === 'TimeoutError' ? 'ZEITUEBERSCHREITUNG' : 'VERBINDUNG_FEHLGESCHLAGEN',
          );
        }
        const body = (await response.json().catch(() => null)) as {
          data?: TData | null;
          errors?: GraphError[];
        } | null;
        if (!body || (body.data == null && !body.errors?.length)) throw unreachable('FEHLERANTWORT');
        return { data: body.data ?? null, errors: body.errors ?? [] };
      });
    },
  };
}
