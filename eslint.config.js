import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'out', 'release', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // A note about the React Compiler, which Berth does not use; useVirtualizer is fine without it.
      'react-hooks/incompatible-library': 'off',
      // The renderer talks to the engine only through the contract: no Node, no dockerode.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'child_process', 'net', 'path', 'os'], message: 'The renderer has no Node: ask the engine through the contract.' },
            { group: ['dockerode', 'docker-modem', 'electron'], message: 'The renderer reaches the engine only through engine/contract.' },
            { group: ['**/engine/docker/*', '**/engine/hosts/*', '**/engine/server/*', '**/engine/runtime'], message: 'Import only engine/contract from the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'engine/ must run without Electron (web host, tests).' }] }],
    },
  },
);
