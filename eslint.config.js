// ESLint for the page's plain ES modules and the end-to-end tests: the recommended rules plus
// a few that catch real mistakes in this code base (unused values, shadowed names, loose ==).
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['integrations/**/static/**', 'www/pkg/**', 'www/pkg-full/**', 'www/pkg-gif/**', 'www/pkg-kernels/**', 'dist/**', 'target/**', 'node_modules/**', 'tests/e2e/artifacts/**'] },
  js.configs.recommended,
  {
    files: ['www/**/*.js', 'integrations/**/*.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser } },
  },
  {
    files: ['www/sw.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['tests/**/*.mjs', 'eslint.config.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      eqeqeq: ['error', 'always'],
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
];
