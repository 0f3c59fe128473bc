import {
  domainError,
  ErrorCode,
  isAusfallgrund,
  partnerUnreachable,
  type GraphClient,
  type GraphError,
  type IsoDate,
} from '@ip/kit';
import type { Erlaubnis } from '../domain/ansprache.ts';
import { AgenturAnsprachekandidatenDocument, AgenturStatusnachweisDocument } from '../generated/graph-operations.ts';

/*
 * What the Agentur asks the Ausländerbehörde for, through the gateway and as its caller: the owner
 * decides per person what it releases and logs it; the Agentur keeps none of it. The operations live in
 * `auslaenderbehoerde.graphql` (the gateway's production mode runs only registered ones); `npm run codegen`
 * makes them typed documents, so their answers are typed against the supergraph, not by hand.
 */

export interface AnspracheKandidatAbh {
  readonly cursor: string;
  readonly personId: string;
  readonly staatsangehoerigkeit: string;
  readonly arbeitsmarktzugang: { readonly erlaubnis: Erlaubnis; readonly naechsteAenderungAm: IsoDate | null };
}

export interface AnspracheSeiteAbh {
  readonly kandidaten: readonly AnspracheKandidatAbh[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

/** An error of the partner that is the caller's to see (bad input, refusal); anything else means the partner failed us. */
function weitergeben(errors: readonly GraphError[]): never {
  const error = errors[0];
  const code = error?.extensions?.['code'];
  if (code === ErrorCode.BAD_USER_INPUT && error?.extensions?.['field'] === 'after') {
    throw domainError(ErrorCode.BAD_USER_INPUT, 'after is not a cursor of this connection', { field: 'after' });
  }
  if (code === ErrorCode.BAD_USER_INPUT || code === ErrorCode.FORBIDDEN || code === ErrorCode.UNAUTHENTICATED) {
    throw domainError(code, `Ausländerbehörde: ${error!.message}`, { partner: 'auslaenderbehoerde' });
  }
  // The gateway says why the Ausländerbehörde failed (timeout, connection, open breaker); a reason of its list travels on.
  const grund = code === ErrorCode.PARTNER_NICHT_ERREICHBAR ? error?.extensions?.['grund'] : undefined;
  throw partnerUnreachable('auslaenderbehoerde', isAusfallgrund(grund) ? grund : undefined);
}

export async function ansprachekandidatenAbh(
  graph: GraphClient,
  variables: {
    staatsangehoerigkeiten: readonly string[];
    agenturbezirke: readonly string[] | null;
    stichtag: IsoDate;
    nachQualifikation: boolean;
    first: number;
    after: string | null;
  },
): Promise<AnspracheSeiteAbh> {
  const { staatsangehoerigkeiten, agenturbezirke, stichtag, first, after } = variables;
  const answer = await graph.request(AgenturAnsprachekandidatenDocument, {
    staatsangehoerigkeiten,
    agenturbezirke,
    stichtag,
    reihenfolge: variables.nachQualifikation ? 'QUALIFIKATION' : 'ID',
    first,
    after,
  });
  const seite = answer.data?.personenNachStaatsangehoerigkeit;
  if (!seite) weitergeben(answer.errors);
  return {
    // The list holds only persons whose three categories the owner released; a field missing anyway is left out.
    kandidaten: seite.edges.flatMap(({ cursor, node }) =>
      node.identitaet && node.arbeitsmarktzugang
        ? [
            {
              cursor,
              personId: node.id,
              staatsangehoerigkeit: node.identitaet.staatsangehoerigkeit,
              arbeitsmarktzugang: node.arbeitsmarktzugang,
            },
          ]
        : [],
    ),
    hasNextPage: seite.pageInfo.hasNextPage,
    endCursor: seite.pageInfo.endCursor,
  };
}

export interface StatusNachweis {
  readonly staatsangehoerigkeit: string;
  readonly verlauf: readonly {
    readonly art: string;
    readonly gueltigAb: IsoDate;
    readonly gueltigBis: IsoDate | null;
  }[];
}

/**
 * Nationality and status history of one person, for a rule of law that depends on them; null when the
 * Ausländerbehörde does not know the person or does not release these categories to the caller.
 */
export async function statusNachweis(graph: GraphClient, personId: string): Promise<StatusNachweis | null> {
  const answer = await graph.request(AgenturStatusnachweisDocument, { id: personId });
  const person = answer.data?.person;
  if (person === undefined) weitergeben(answer.errors);
  const refusedOnly = answer.errors.every((error) => error.extensions?.['code'] === ErrorCode.EINWILLIGUNG_FEHLT);
  if (!refusedOnly) weitergeben(answer.errors);
  if (!person?.identitaet || !person.aufenthalt) return null;
  return { staatsangehoerigkeit: person.identitaet.staatsangehoerigkeit, verlauf: person.aufenthalt.verlauf };
}
