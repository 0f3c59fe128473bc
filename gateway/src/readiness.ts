import { fileURLToPath } from 'node:url';
import type { ReadinessChecks, ReadinessReport } from '@ip/observability';
import type { PartnerLink } from './partner-data-source.ts';
import { loadTrustedDocuments, type TrustedDocuments } from './trusted-documents.ts';

/** How long `/ready` waits for a partner's own `/ready`. */
const PARTNER_READY_TIMEOUT_MS = 1_000;

/**
 * The gateway is ready once it has a supergraph: it then answers every request, a down partner costing only
 * its own fields. Each partner's readiness (its `/ready`, next to its `/graphql`) and its breaker are
 * listed for the operator, not required.
 */
export async function gatewayReadiness(
  supergraphLoaded: boolean,
  partnerUrls: ReadonlyMap<string, string>,
  partners: { link(name: string): PartnerLink },
): Promise<ReadinessReport> {
  const entries = await Promise.all(
    [...partnerUrls].map(async ([name, url]): Promise<[string, ReadinessChecks[string]]> => {
      const circuit = partners.link(name).breaker.state;
      try {
        const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(PARTNER_READY_TIMEOUT_MS) });
        await response.body?.cancel();
        return [
          name,
          response.ok
            ? { ok: true, detail: `circuit ${circuit}` }
            : { ok: false, detail: `not ready (HTTP ${response.status}), circuit ${circuit}` },
        ];
      } catch {
        return [name, { ok: false, detail: `unreachable, circuit ${circuit}` }];
      }
    }),
  );
  return {
    checks: { supergraph: supergraphLoaded ? { ok: true } : { ok: false, detail: 'not loaded yet' } },
    partners: Object.fromEntries(entries),
  };
}

/**
 * The operation names metrics may carry as label values: the registered operations. Without a registry
 * configured (development) the repository's own registry names the known operations; names outside it
 * are counted as `other`.
 */
export async function knownOperationNames(registry: TrustedDocuments | undefined): Promise<ReadonlySet<string>> {
  const documents =
    registry ??
    (await loadTrustedDocuments(fileURLToPath(new URL('../trusted-documents.json', import.meta.url))).catch(
      () => undefined,
    ));
  return new Set([...(documents?.values() ?? [])].map((document) => document.name));
}
