import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import modules from './scripts/module-boundaries/eslint-plugin.js';

export default tseslint.config(
  // *.browser.js is plain browser code served as it is; capture-script.js is browser code written compact by hand to stay under its 2 KB budget (size-tested).
  {
    ignores: [
      'src/**/*.browser.js',
      'node_modules/',
      'web/dist/',
      'sdk/dist/',
      'data/',
      'db/migrations/',
      'coverage/',
      'src/modules/tracking/capture-script.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        window: 'readonly',
        document: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
      'no-restricted-properties': [
        'error',
        { object: 'request', property: 'ip', message: 'Use request.clientAddress: one rule for the client address, shared with the redirect.' },
      ],
    },
  },
  // Module boundaries (docs/development.md#module-boundaries).
  { files: ['src/**/*.{ts,tsx,js}'], plugins: { modules }, rules: { 'modules/boundaries': 'error' } },
);
