import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** Where the tests live; the suffix before `.test.ts` names the tier (see CONTRIBUTING.md). */
const TEST_FOLDERS = [
  'observability/test',
  'subgraphs/*/test',
  'gateway/test',
  'schema/test',
  'scripts',
  'test',
  'apps/web/test',
];
const tier = (suffix: string) => TEST_FOLDERS.map((folder) => `${folder}/**/*.${suffix}.test.ts`);

// One PostgreSQL for the run (a throwaway embedded cluster, or the server in TEST_DATABASE_URL), shared by
// every project that names it and started only if one of them has files to run: `unit` names none.
const DATABASE = 'subgraphs/kit/src/testing/global-setup.ts';

/** One project per tier, for `--project <tier>` (`npm run test:unit` and the like, watch mode on one tier). */
const TIERS = [
  // Pure rules: no database, no server, no network.
  { name: 'unit', include: tier('unit') },
  // One subgraph (or a kit part) on its own database, asked directly.
  { name: 'subgraph', include: tier('subgraph'), globalSetup: [DATABASE] },
  // The whole system through the gateway over real HTTP, and the pages in a browser (apps/web/test).
  { name: 'e2e', include: tier('e2e'), globalSetup: [DATABASE] },
];

// A run that names no tier (`npm test`, a folder, a file) is one project of every tier. Vitest gives each
// project workers of its own, and each worker loads the stack (Apollo, graphql, kysely, pg, OpenTelemetry)
// afresh: three projects on two workers loaded it six times instead of twice, 33 of 181 s of the suite's
// CPU (103 s wall against 85 s on 2 cores).
const tierRun = process.argv.some((arg) => arg === '--project' || arg.startsWith('--project='));

export default defineConfig({
  resolve: {
    // Node (and so `npm start`) loads graphql's CommonJS build everywhere; Vite would hand the project's own
    // files the ES build, a second copy whose `instanceof` checks fail on schemas @apollo/subgraph built.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // Each subgraph or end-to-end file starts real databases and HTTP servers; on 2 cores two at a time is the sweet spot.
    maxWorkers: 2,
    // A worker runs its files one after another in one module graph: loading the stack (Apollo, graphql,
    // kysely, pg) afresh for every file cost more than most files' tests (500 of 925 s in one run). So a
    // test leaves globals (process.env, console, timers, servers) as it found them; each file still gets
    // its own databases, servers and ports.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    ...(tierRun
      ? { projects: TIERS.map((test) => ({ extends: true, test })) }
      : { include: TIERS.flatMap((entry) => entry.include), globalSetup: [DATABASE] }),
  },
});
