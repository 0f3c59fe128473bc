import { GraphQLError } from 'graphql';

/**
 * Why the gateway could not get a partner's answer: `extensions.grund` of `PARTNER_NICHT_ERREICHBAR`. The one
 * list of these reasons, documented for clients in docs/gateway.md (a test holds the two equal); a subgraph
 * that asks the graph passes them on with the same values.
 */
export const AUSFALLGRUENDE = [
  /** The partner did not answer within its timeout (connect or total). */
  'ZEITUEBERSCHREITUNG',
  /** No connection (the partner is down) or the connection broke. */
  'VERBINDUNG_FEHLGESCHLAGEN',
  /** An HTTP 5xx without a GraphQL answer, or an answer that is no GraphQL JSON. */
  'FEHLERANTWORT',
  /** The circuit breaker is open: the partner was not asked. */
  'SCHUTZSCHALTUNG_OFFEN',
] as const;
export type Ausfallgrund = (typeof AUSFALLGRUENDE)[number];

/** The error a client sees for a partner that did not answer: its fields are null, the rest of the answer stands. */
export function partnerUnreachable(partner: string, grund: Ausfallgrund): GraphQLError {
  return new GraphQLError(`Partner ${partner} could not answer`, {
    extensions: { code: 'PARTNER_NICHT_ERREICHBAR', partner, grund },
  });
}
