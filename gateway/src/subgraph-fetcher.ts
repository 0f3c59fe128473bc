import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { Agent, fetch } from 'undici';

/**
 * One keep-alive connection pool per gateway process: a person page fans out to four subgraphs on every
 * request, and a new TCP connection each time would cost more than the subgraph's own work.
 */
export function createSubgraphFetcher(): { fetcher: Fetcher; close(): Promise<void> } {
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  const fetcher = ((url, init) => fetch(url, { ...init, dispatcher: agent })) as Fetcher;
  return { fetcher, close: () => agent.close() };
}

/**
 * A partner that cannot be reached costs its own fields only: its fetch failure becomes an error that
 * names the partner, not an internal error, and says nothing of addresses or sockets.
 */
export function partnerFetcher(partner: string, fetcher: Fetcher): Fetcher {
  return (url, init) =>
    fetcher(url, init).catch((error: unknown) => {
      console.error(`gateway: partner ${partner} could not be reached`, error);
      throw new GraphQLError(`Partner ${partner} could not answer`, { extensions: { code: 'PARTNER_NICHT_ERREICHBAR', partner } });
    });
}
