// Lint enforces the layers of DESIGN §1: each area may only import what its host can provide.
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, 'node:*'];
const electronModules = ['electron', 'electron/*', 'electron-store'];

/** One `no-restricted-imports` rule per layer, with a message that says why. */
function layerRule(paths, patterns, why) {
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: paths.map((name) => ({ name, message: why })),
        patterns: patterns.map((pattern) => ({ group: [pattern], message: why })),
      },
    ],
  };
}

export default defineConfig([
  {
    ignores: ['node_modules/', 'dist/', '.tsbuild/', 'test-results/', 'playwright-report/', 'bench/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layerRule(
      [...nodeBuiltins, ...electronModules, 'react', 'react-dom', 'ws', 'conf', 'axios'],
      ['node:*', '**/main/**', '**/renderer/**', 'electron/*', 'react-dom/*'],
      'shared/ is pure TypeScript: no Node, Electron, DOM or host modules (DESIGN §1).',
    ),
  },
  {
    files: ['main/core/**/*.ts'],
    rules: layerRule(
      electronModules,
      ['electron/*', '**/renderer/**', '**/main/electron/**', '**/main/host/**', '**/main/cli/**'],
      'main/core runs in plain Node under every host: it never imports electron or a host (DESIGN §1).',
    ),
  },
  {
    files: ['main/host/**/*.ts', 'main/cli/**/*.ts'],
    rules: layerRule(
      electronModules,
      ['electron/*', '**/renderer/**', '**/main/electron/**'],
      'The browser host and the CLI run without Electron: never import it (DESIGN §1).',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layerRule(
        [...nodeBuiltins, ...electronModules],
        ['node:*', '**/main/**', 'electron/*'],
        'The renderer talks to the core only through the contract: no Node, Electron or main/ imports (DESIGN §1).',
      ),
    },
  },
  prettier,
]);
