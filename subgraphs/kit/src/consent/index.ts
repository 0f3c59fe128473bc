export { AccessControl, berlinToday, type AccessControlOptions } from './access-control.ts';
export { appendAccessLog, countAccessLog, listAccessLog, purgeAccessLog, type AccessLogEntry } from './access-log.repository.ts';
export { agencyOf, BEHOERDE, ownersCopy, type DeclarationInput } from './consent-input.ts';
export { datenschutzDb, findConsentsByPersonIds, findLegalBases, insertConsent, withdrawConsent, type DatenschutzDb } from './consent.repository.ts';
export { datenschutzResolvers, type DatenschutzContext, type DatenschutzOptions } from './datenschutz-resolvers.ts';
export { datenschutzMigrations } from './migrations.ts';
export { consentCovers, decideRelease, type ConsentRecord, type LegalBasis, type ReleaseDecision } from './release-decision.ts';
export type { DatenschutzTables } from './tables.ts';
