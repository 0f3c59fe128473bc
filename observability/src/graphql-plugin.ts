import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { recordFor } from './request-record.ts';

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * Fills the request's record from Apollo Server: the operation's name and the codes of the errors in the
 * answer, with the partner and reason of each partner that did not answer. Only names and codes are
 * taken, never messages (a message may quote what the caller sent).
 */
export function requestRecordPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, request, response }) {
          const record = recordFor(contextValue);
          if (!record) return;
          const name = operationName ?? request.operationName;
          if (name && GRAPHQL_NAME.test(name)) record.operation = name;
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const { code, partner, grund } = (error.extensions ?? {}) as {
              code?: unknown;
              partner?: unknown;
              grund?: unknown;
            };
            if (typeof code === 'string') record.errorCodes.add(code);
            if (code === 'PARTNER_NICHT_ERREICHBAR' && typeof partner === 'string' && typeof grund === 'string') {
              if (!record.partnerErrors.some((known) => known.partner === partner && known.grund === grund))
                record.partnerErrors.push({ partner, grund });
            }
          }
        },
      };
    },
  };
}
