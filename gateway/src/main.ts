import { createTokenVerifier, ensureLocalIssuer, identityConfig } from '@ip/kit/identity';
import { log, observabilitySettings, startObservability } from '@ip/observability';
import { loadConfig } from './config.ts';
import { explorerOptions, startGateway } from './server.ts';
import { supergraphFromFile } from './supergraph-file.ts';

// The one place the gateway reads the environment; everything below gets what it needs as arguments.
const config = loadConfig(process.env);
// Without an async context: the gateway hands its partner fetches their parent span itself (tracing.ts).
const tracing = await startObservability('gateway', observabilitySettings(process.env), {
  asyncContext: false,
});
const identity = identityConfig(process.env);
if (identity.keys.kind === 'local') await ensureLocalIssuer(identity.keys.dir);

const explorer = explorerOptions(identity, config.explorer);
const gateway = await startGateway({
  verifyToken: await createTokenVerifier(identity),
  supergraph: supergraphFromFile(config.supergraphPath),
  subgraphUrls: config.subgraphUrls,
  partners: config.partners,
  port: config.port,
  host: config.host,
  edge: config.edge,
  ...(explorer ? { explorer } : {}),
});
log().info(
  { url: gateway.url },
  `gateway listening on ${gateway.url}${explorer ? `; explorer on ${new URL('/explorer/', gateway.url).toString()}` : ''}`,
);
process.send?.({ ready: 'gateway', url: gateway.url });

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log().info({ signal }, 'gateway stopping');
    void gateway
      .stop()
      .then(() => tracing.shutdown())
      .then(() => process.exit(0));
  });
}
