import type { GraphQLFormattedError } from 'graphql';

/**
 * Codes the gateway passes to clients unchanged: the subgraphs' own codes and the request errors of
 * graphql-js. Anything else could carry internals (a subgraph's address, a stack) and is masked.
 */
const PASS_THROUGH = new Set([
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
]);

export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && PASS_THROUGH.has(code)) return formatted;
  const serviceName = formatted.extensions?.['serviceName'];
  if (typeof serviceName === 'string') {
    // A partner that is down or failing costs its own fields only; say which partner, not why.
    return {
      message: `Partner ${serviceName} could not answer`,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'PARTNER_NICHT_ERREICHBAR', partner: serviceName },
    };
  }
  console.error('gateway: unexpected error', error);
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
