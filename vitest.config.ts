import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node (and so `npm start`) loads graphql's CommonJS build everywhere; Vite would hand the project's own
    // files the ES build, a second copy whose `instanceof` checks fail on schemas @apollo/subgraph built.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['observability/test/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'gateway/test/**/*.test.ts', 'schema/test/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // One PostgreSQL for the run: a throwaway embedded cluster, or the server in TEST_DATABASE_URL.
    globalSetup: ['subgraphs/kit/src/testing/global-setup.ts'],
    // Each file starts real databases and HTTP servers; on a 2-core machine two at a time is the sweet spot.
    maxWorkers: 2,
    // One JSON line per request would bury the test report; warnings and errors still show.
    env: { LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
