import { parseArgs } from 'node:util';
import { AGENCIES, ensureLocalIssuer, identityConfig, isAgency, ROLES, signLocalToken } from '@ip/kit/identity';

/**
 * `npm run token -- --agency jobcenter --role fallmanagement [--user u123] [--expires 8h]`
 * prints a bearer token of the local issuer (the embedded default's stand-in for the real identity provider).
 */
const usage = `usage: npm run token -- --agency <${AGENCIES.join('|')}> --role <role> [--user <id>] [--expires 8h]
roles: ${AGENCIES.map((agency) => `${agency}: ${ROLES[agency].join(', ')}`).join('; ')}`;

const { values } = parseArgs({
  options: {
    agency: { type: 'string' },
    role: { type: 'string' },
    user: { type: 'string' },
    expires: { type: 'string', default: '8h' },
  },
});

const config = identityConfig(process.env);
if (config.keys.kind !== 'local') {
  console.error('AUTH_JWKS_URL is set: tokens come from your identity provider, not from this script');
  process.exit(2);
}
if (!isAgency(values.agency) || !values.role || !ROLES[values.agency].includes(values.role)) {
  console.error(usage);
  process.exit(2);
}

await ensureLocalIssuer(config.keys.dir);
const token = await signLocalToken(config.keys.dir, {
  userId: values.user ?? `${values.agency}-${values.role}`,
  agency: values.agency,
  role: values.role,
  issuer: config.issuer,
  audience: config.audience,
  expiresIn: values.expires,
});
console.log(token);
