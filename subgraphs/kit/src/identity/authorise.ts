import { GraphQLError } from 'graphql';
import type { Agency, Caller } from './agencies.ts';

/** Which roles of which agencies may do something; an agency not listed may not. */
export type Permission = Partial<Record<Agency, readonly string[]>>;

/** Throws FORBIDDEN unless the caller's agency and role are allowed. */
export function authorise(caller: Caller, permission: Permission, action: string): void {
  if (!permission[caller.agency]?.includes(caller.role)) {
    throw new GraphQLError(`${caller.role} of ${caller.agency} may not ${action}`, {
      extensions: { code: 'FORBIDDEN' },
    });
  }
}
