import type { Kysely } from 'kysely';
import type { RunningServer } from '@ip/kit';
import type { Population } from '@ip/kit/demo';
import { PARTNERS, type TokenVerifier } from '@ip/kit/identity';

/** How a partner's package prepares its database and starts its subgraph. */
export interface PartnerModule {
  readonly prepareDatabase: (db: Kysely<unknown>, population?: Population) => Promise<void>;
  readonly start: (
    db: Kysely<unknown>,
    options: { port: number; verifyToken: TokenVerifier },
  ) => Promise<RunningServer>;
}

/** What every partner's package exports: `prepareDatabase` and `start<Name>` (`startFamilienkasse`). */
interface PartnerExports {
  readonly prepareDatabase: PartnerModule['prepareDatabase'];
  readonly [start: `start${string}`]: PartnerModule['start'] | undefined;
}

/**
 * Every partner but the Agentur (which takes the gateway's address), as its package exports it; loaded by
 * name from the registry, so a partner added there is in every end-to-end test and bench that starts them.
 */
export async function registeredPartnerModules(): Promise<Record<string, PartnerModule>> {
  const others = PARTNERS.filter((entry) => entry.name !== 'agentur');
  const loaded = await Promise.all(others.map(async (entry) => (await import(`@ip/${entry.name}`)) as PartnerExports));
  return Object.fromEntries(
    others.map((entry, index) => {
      const exports = loaded[index]!;
      const start = exports[`start${entry.name.charAt(0).toUpperCase()}${entry.name.slice(1)}`];
      if (!start) throw new Error(`@ip/${entry.name} exports no start function named after it`);
      return [entry.name, { prepareDatabase: exports.prepareDatabase, start }];
    }),
  );
}
