import { log } from '@ip/observability';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Codes the gateway passes to clients with their message, path and extensions: the subgraphs' own codes
 * for a refusal the caller can act on, the request errors of graphql-js and Apollo Server, and the
 * gateway's own refusals at the edge. Anything else could carry internals (a subgraph's address, a stack)
 * and is masked.
 */
export const PASS_THROUGH: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'EINWILLIGUNG_FEHLT',
  'PARTNER_NICHT_ERREICHBAR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'MAX_DEPTH_EXCEEDED',
  'MAX_ALIASES_EXCEEDED',
  'MAX_TOKENS_EXCEEDED',
  'MAX_DIRECTIVES_EXCEEDED',
  'MAX_COST_EXCEEDED',
  'PAYLOAD_TOO_LARGE',
  'OPERATION_NOT_REGISTERED',
]);

/** Extensions the gateway or a server adds for itself; a client has no use for them and a stack is an internal. */
const INTERNAL_EXTENSIONS = new Set(['serviceName', 'stacktrace', 'exception']);

/**
 * Apollo Server `formatError` of the gateway. A subgraph's error reaches the gateway with `serviceName`
 * added: with a client code it passes as the subgraph wrote it; otherwise the partner failed internally,
 * which the client learns as INTERNAL_SERVER_ERROR naming the partner, not as an outage. Outages
 * (`PARTNER_NICHT_ERREICHBAR` with its `grund`) are raised by `partner-data-source.ts` and pass.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // A loop, not entries/filter/fromEntries: this runs for every refusal of an answer (66 on a page of 50).
  const extensions: Record<string, unknown> = {};
  const given = formatted.extensions ?? {};
  for (const key of Object.keys(given)) if (!INTERNAL_EXTENSIONS.has(key)) extensions[key] = given[key];
  const code = extensions['code'];
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    return { ...formatted, extensions };
  }
  const serviceName = formatted.extensions?.['serviceName'];
  const path = formatted.path ? { path: formatted.path } : {};
  if (typeof serviceName === 'string') {
    // The stack would be the gateway's own; the partner logged its cause itself.
    log().error({ partner: serviceName }, `partner ${serviceName} answered with an internal error`);
    return {
      message: `Partner ${serviceName} failed internally`,
      ...path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', partner: serviceName },
    };
  }
  // The kind and the stack frames, not the message: it may quote what the caller sent.
  log().error(
    {
      err: {
        type: error instanceof Error ? error.name : typeof error,
        stack:
          error instanceof Error
            ? error.stack
                ?.split('\n')
                .filter((line) => line.startsWith('    at '))
                .join('\n')
            : undefined,
      },
    },
    'unexpected error',
  );
  return { message: 'Internal server error', ...path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
