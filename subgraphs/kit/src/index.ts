export { manyByKey, oneByKey } from './batch.ts';
export {
  embeddedClusterConfig,
  parseConfig,
  portSchema,
  projectRoot,
  partnerConfig,
  subgraphConfig,
  type EmbeddedClusterConfig,
  type Environment,
  type SubgraphConfig,
} from './config.ts';
export { openDatabase, type DatabaseLocation, type DatabaseOptions } from './database.ts';
export {
  AUSFALLGRUENDE,
  badUserInput,
  domainError,
  ErrorCode,
  isAusfallgrund,
  maskUnexpectedErrors,
  notFound,
  partnerUnreachable,
  refusals,
  type Ausfallgrund,
  type ErrorExtensions,
} from './errors.ts';
export { migrateToLatest, type Migrations } from './migrations.ts';
export { createGraphClient, type GraphAnswer, type GraphClient, type GraphError } from './graph-client.ts';
export { operationsFromFile } from './graph-operations.ts';
export {
  decodeCursor,
  encodeCursor,
  MAX_PAGE,
  pageRequest,
  toConnection,
  type Connection,
  type PageRequest,
} from './pagination.ts';
export { DATE_RANGE, DateScalar, isDateInRange, isIsoDate, type IsoDate } from './scalars.ts';
export { DEFAULT_INPUT_LIMITS, type InputLimits } from './input/limits.ts';
export {
  buildSchema,
  readSchemaFile,
  startSubgraphServer,
  type ResolverMap,
  type SchemaModule,
  type RunningServer,
  type SubgraphServerOptions,
} from './subgraph-server.ts';
export { isUuid, type PersonReference } from './ids.ts';
export { centInEuro, euroInCent, type BetragGrenzen, type Cent } from './money.ts';
export { retentionCutOff, runSubgraph, type SubgraphProgram } from './run-subgraph.ts';
export { defineSubgraph, type CallerRequest, type Subgraph, type SubgraphDefinition } from './define-subgraph.ts';

// Each partner's main.ts reads these settings with its others and hands them to runSubgraph.
export { observabilitySettings } from '@ip/observability';
