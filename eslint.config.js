// ESLint flat config: typescript-eslint's type-aware rules over every TypeScript file in the workspaces.
// Formatting is Prettier's job (.prettierrc.json); nothing here checks layout.
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Generated code (resolver types, the pages' operation types) is checked by its generator's --check.
    ignores: ['**/node_modules/', '**/dist/', '**/generated/', 'apps/*/src/gql/', 'data/', 'coverage/'],
  },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The programs `npm run check` type-checks: the root one, and each app's (DOM and JSX settings).
        // A file outside them fails lint.
        project: ['./tsconfig.json', './apps/*/tsconfig.json'],
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
    languageOptions: { globals: globals.node },
  },
  {
    // The explorer page's script runs in the browser after the UMD builds of React, ReactDOM and GraphiQL.
    files: ['gateway/src/explorer/assets/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { ...globals.browser, React: 'readonly', ReactDOM: 'readonly', GraphiQL: 'readonly' },
    },
  },
);
