export { AGENCIES, isAgency, ROLES, type Agency, type Caller } from './agencies.ts';
export { byPartner, partner, PARTNERS, type DataCategory, type Partner } from './partners.ts';
export {
  DEFAULT_AUDIENCE,
  DEFAULT_CLOCK_SKEW_SECONDS,
  DEFAULT_ISSUER,
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  identityConfig,
  type IdentityConfig,
  type KeySource,
} from './identity-config.ts';
export { readLocalTokenRequest, type LocalTokenRequest } from './local-token-request.ts';
export { ensureLocalIssuer, readLocalJwks, signLocalToken, signToken, type TokenClaims } from './local-issuer.ts';
export { createTokenVerifier, unauthenticated, type TokenVerifier } from './token-verifier.ts';
export { authorise, type Permission } from './authorise.ts';
