// ESLint flat config: typescript-eslint's type-aware rules over every TypeScript file in the workspaces.
// Formatting is Prettier's job (.prettierrc.json); nothing here checks layout.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/', '**/dist/', '**/generated/', 'apps/web/src/gql/', 'data/', 'coverage/'],
  },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // One program for the whole tree, the one `npm run typecheck` builds: a file outside it fails lint.
        // The pages (apps/web) have their own program: browser and JSX settings the rest of the tree does not use.
        project: ['./tsconfig.json', './apps/web/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // A function an interface types as returning a Promise (an Apollo plugin hook, Kysely's migration
      // provider, a test stub) is written `async` even without an await, so it cannot throw synchronously;
      // require-await would push such functions to `Promise.resolve(...)`. Forgotten awaits are caught by
      // no-floating-promises and no-misused-promises.
      '@typescript-eslint/require-await': 'off',
      // A `let` assigned once, late, and read earlier by a function that may run first (a signal handler
      // during start-up) must stay `let`: as a `const` that read would throw.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // STYLE.md habit 7: a switch over a union handles every member, or says why not with a default.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // tsc's noUnusedLocals/noUnusedParameters already report these; `_`-prefixed names are deliberate.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Vitest types its asymmetric matchers (`expect.any(String)`, `expect.stringContaining(…)`) as `any`, on
    // purpose, so that they fit any expected shape; an expected object that holds one is not unsafe.
    files: ['**/test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // Plain JavaScript config files sit outside every tsconfig: lint them without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Node's globals in the plain-JavaScript launcher.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { URL: 'readonly', console: 'readonly', performance: 'readonly', process: 'readonly' } },
  },
  {
    // The explorer's page script runs in the browser after React's, ReactDOM's and GraphiQL's builds.
    files: ['gateway/src/explorer/assets/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', URL: 'readonly', React: 'readonly', ReactDOM: 'readonly', GraphiQL: 'readonly' },
    },
  },
);
