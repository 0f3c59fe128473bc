import { createTokenVerifier, ensureLocalIssuer, identityConfig } from '@ip/kit/identity';
import { loadConfig } from './config.ts';
import { explorerOptions, startGateway } from './server.ts';
import { supergraphFromFile } from './supergraph-file.ts';

// The one place the gateway reads the environment; everything below gets what it needs as arguments.
const config = loadConfig(process.env);
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
console.log(`gateway listening on ${gateway.url}${explorer ? `; explorer on ${new URL('/explorer/', gateway.url).toString()}` : ''}`);
process.send?.({ ready: 'gateway', url: gateway.url });

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`gateway stopping (${signal})`);
    void gateway.stop().then(() => process.exit(0));
  });
}
