export { AccessControl, accessScope, berlinToday, type AccessControlOptions } from './access-control.ts';
export {
  appendAccessLog,
  countAccessLog,
  listAccessLog,
  purgeAccessLog,
  type AccessLogEntry,
} from './access-log.repository.ts';
export { agencyOf, BEHOERDE, ownersCopy, type Behoerde, type DeclarationInput } from './consent-input.ts';
export {
  datenschutzDb,
  findConsentById,
  findConsentsByPersonIds,
  findLegalBases,
  insertConsent,
  withdrawConsent,
  type DatenschutzDb,
} from './consent.repository.ts';
export {
  datenschutzResolvers,
  type ConsentView,
  type DatenschutzContext,
  type DatenschutzOptions,
  type DatenschutzPart,
  type DatenschutzResolvers,
} from './datenschutz-resolvers.ts';
export { datenschutzModule } from './datenschutz-module.ts';
export { datenschutzTypeDefs, servedTypeDefs } from './datenschutz-sdl.ts';
export { datenschutzMigrations } from './migrations.ts';
export {
  consentCovers,
  consentStatus,
  decideRelease,
  type ConsentRecord,
  type ConsentStatus,
  type LegalBasis,
  type ReleaseDecision,
} from './release-decision.ts';
export type { DatenschutzTables } from './tables.ts';
export {
  MAX_OPERATION_NAME_LENGTH,
  operationOf,
  released,
  UNTRUSTED_OPERATION_NAME,
  type OperationLabel,
} from './released.ts';
export { seedDemoConsents } from './demo-consent.ts';
