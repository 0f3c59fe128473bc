import { ensureLocalIssuer, identityConfig, signLocalToken } from '@ip/kit/identity';
import { ensureBuilt } from './build.ts';
import { loadWebConfig } from './config.ts';
import { startWebServer, type LocalTokenIssuer } from './web-server.ts';

// The one place the pages' server reads the environment; everything below gets what it needs as arguments.
const config = loadWebConfig(process.env);
const identity = identityConfig(process.env);
let tokenIssuer: LocalTokenIssuer | undefined;
// The sign-in exists only with the local issuer; with an identity provider a proxy in front adds the token.
if (identity.keys.kind === 'local') {
  const dir = identity.keys.dir;
  await ensureLocalIssuer(dir);
  tokenIssuer = (agency, role) =>
    signLocalToken(dir, {
      userId: `web-${agency}-${role}`,
      agency,
      role,
      issuer: identity.issuer,
      audience: identity.audience,
      expiresIn: '8h',
    });
}
// Listen at once and build meanwhile: the first start's build (seconds on an idle machine) does not hold up
// the others, and a browser that comes early is told to wait. A failed build ends the process.
const built = ensureBuilt(config.distDir, (line) => console.log(line));
built.catch((error: unknown) => {
  console.error('the pages could not be built', error);
  process.exit(1);
});
const web = await startWebServer({ ...config, tokenIssuer, built });
console.log(`pages on ${web.url} (gateway ${config.gatewayUrl})`);
process.send?.({ ready: 'web', url: web.url });

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void web.stop().then(() => process.exit(0));
  });
}
