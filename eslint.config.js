import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const impure = [
  { name: 'react', message: 'src/sim is pure: no React.' },
  { name: 'react-dom', message: 'src/sim is pure: no React.' },
  { name: 'zustand', message: 'src/sim is pure: no store.' },
];

/** The core and the D3 maths never import the store or the view. */
const upward = {
  group: ['**/store', '**/store/*', '**/components/*', '**/hooks/*'],
  message: 'The core does not import the store or the view.',
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/hooks/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/sim/**/*.ts', 'src/terminal/**/*.ts'],
    // Test helpers (terminal/testing) may drive the store, as tests do.
    ignores: ['**/*.test.ts', '**/testing/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: impure,
          patterns: [{ group: ['d3-*', 'd3'], message: 'src/sim is pure: no D3.' }, upward],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'performance',
        'setTimeout',
        'setInterval',
        'navigator',
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'Use the seeded generator in the world.',
        },
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'No clock in the core: use world.clock.',
        },
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'No clock in the core: use world.clock.',
        },
      ],
    },
  },
  {
    // The view and its data reach the core only through its public API (src/sim/index.ts).
    files: [
      'src/components/**/*.{ts,tsx}',
      'src/hooks/**/*.ts',
      'src/store/**/*.ts',
      'src/lessons/**/*.ts',
      'src/layout/**/*.ts',
      'src/share/**/*.ts',
      'src/scenarios/**/*.ts',
      'src/i18n/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/sim/*'], message: 'Import the core through src/sim/index.ts.' }],
        },
      ],
    },
  },
  {
    // The D3 maths never reach up into the store or the view.
    files: ['src/layout/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [upward] }] },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
        { selector: "CallExpression[callee.property.name='skip']", message: 'No skipped tests.' },
      ],
    },
  },
);
