import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // Node (and so `npm start`) loads graphql-js's CommonJS build for every package; Vite would give the test
  // code its ESM build, a second copy whose types and errors the first does not accept as its own.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['subgraphs/*/test/**/*.test.ts', 'gateway/test/**/*.test.ts', 'schema/test/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Each file starts real databases and HTTP servers; on a 2-core machine two at a time is the sweet spot.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
