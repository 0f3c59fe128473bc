export { freePort } from './free-port.ts';
export { scratchFolder } from './scratch-folder.ts';
export { postGraphQL, type GraphQLResponse } from './graphql-client.ts';
export {
  createTestDatabase,
  digestOf,
  testDatabaseUrl,
  type TestDatabase,
  type TestDatabaseOptions,
} from './test-database.ts';
export { createTestIssuer, type TestIssuer } from './test-issuer.ts';
export {
  startSubgraphUnderTest,
  type SubgraphUnderTest,
  type SubgraphUnderTestOptions,
} from './subgraph-under-test.ts';
export { enumValuesOf, reasonsWrittenIn, type EnumValue } from './reasons.ts';
export type { KeepsToSdl } from './model-conformance.ts';
