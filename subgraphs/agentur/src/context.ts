import type { Kysely } from 'kysely';
import { createGraphClient, type CallerRequest, type GraphClient, type IsoDate } from '@ip/kit';
import { accessScope, type AccessControl } from '@ip/kit/consent';
import type { Caller } from '@ip/kit/identity';
import type { AgenturSettings } from './config.ts';
import type { AgenturDatabase } from './db/tables.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { OWNER } from './policy.ts';

export interface Context {
  readonly db: Kysely<AgenturDatabase>;
  readonly loaders: Loaders;
  /** The owner's decisions and log for this request. */
  readonly access: AccessControl;
  readonly today: IsoDate;
  readonly settings: Omit<AgenturSettings, 'graphUrl'>;
  /** The Ausländerbehörde's data through the gateway, asked for as the caller. */
  readonly auslaenderbehoerde: GraphClient;
}

export interface ContextOptions {
  readonly settings: Omit<AgenturSettings, 'graphUrl'>;
  readonly graphUrl: () => string;
}

export function createContext(
  db: Kysely<AgenturDatabase>,
  caller: Caller,
  request: CallerRequest,
  options: ContextOptions,
): Context {
  return {
    db,
    loaders: createLoaders(db),
    ...accessScope(OWNER, db, caller),
    settings: options.settings,
    auslaenderbehoerde: createGraphClient({
      url: options.graphUrl,
      caller: request,
      partner: 'auslaenderbehoerde',
    }),
  };
}

/** The same request's context on another database handle: an idempotent mutation's transaction, with loaders of its own. */
export function contextOn(context: Context, db: Kysely<AgenturDatabase>): Context {
  return { ...context, db, loaders: createLoaders(db) };
}
