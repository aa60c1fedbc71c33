// Lint enforces the layers of docs/architecture.md: each area may import only what its host provides.
// The layer rule works on resolved paths (eslint-plugin-import-x), so `../electron/x`, `import('electron')`,
// `export … from` and `require()` are judged alike, whatever the spelling.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const SEE = 'See docs/architecture.md#layers.';
const ALL_AREAS = [
  'shared',
  'main/core',
  'main/host',
  'main/cli',
  'main/electron',
  'main/preload',
  'renderer',
];
const ELECTRON = ['node_modules/electron', 'node_modules/electron-store'];
const UI = ['node_modules/react', 'node_modules/react-dom', 'node_modules/lexical', 'node_modules/@lexical'];
const NODE_ONLY = ['node_modules/ws', 'node_modules/conf', 'node_modules/axios', 'node_modules/commander'];

/**
 * Each layer: the folders it may import besides its own (and shared/), the packages it must not
 * import, whether Node's built-in modules exist where it runs, and why, in one sentence.
 */
const LAYERS = [
  {
    area: 'shared',
    areas: [],
    // Pure TypeScript every layer can run: only these libraries, which need no platform (the
    // unified syntax-tree utilities turn a post between HTML and Markdown in shared/markdown).
    onlyPackages: [
      'zod',
      'date-fns',
      '@date-fns/tz',
      'chrono-node',
      'hast-util-*',
      'mdast-util-*',
      'micromark-extension-*',
    ],
    node: false,
    why: 'shared/ is pure TypeScript every layer runs: it imports only shared/ and zod, date-fns (with @date-fns/tz), chrono-node and the syntax-tree utilities (hast-util-*, mdast-util-*, micromark-extension-*).',
  },
  {
    area: 'main/core',
    areas: [],
    packages: [...ELECTRON, ...UI],
    node: true,
    why: 'main/core runs in plain Node under every host: it never imports Electron, React, a host or the renderer.',
  },
  {
    area: 'main/host',
    areas: ['main/core'],
    packages: [...ELECTRON, ...UI],
    node: true,
    why: 'The browser host runs without Electron: it imports only main/core and shared/.',
  },
  {
    area: 'main/cli',
    areas: ['main/core', 'main/host'],
    packages: [...ELECTRON, ...UI],
    node: true,
    why: 'The CLI runs without Electron: it imports main/core, shared/ and the browser host it can serve.',
  },
  {
    area: 'main/electron',
    areas: ['main/core'],
    packages: UI,
    node: true,
    why: 'The desktop host imports main/core and shared/; the preload and the renderer are built apart and loaded by path.',
  },
  {
    area: 'main/preload',
    areas: [],
    onlyPackages: ['electron'],
    node: false,
    why: 'The preload runs sandboxed: it imports only electron and the contract in shared/.',
  },
  {
    area: 'renderer',
    areas: [],
    packages: [...ELECTRON, ...NODE_ONLY],
    node: false,
    why: 'The renderer talks to the core only through the contract: no Node, Electron or main/ imports.',
  },
];

function zonesOf(layer) {
  const target = `./${layer.area}`;
  const message = `${layer.why} ${SEE}`;
  const elsewhere = [...ALL_AREAS, 'tests', 'scripts'].filter(
    (area) => area !== layer.area && area !== 'shared' && !layer.areas.includes(area),
  );
  const zones = [{ target, from: elsewhere.map((area) => `./${area}`), message }];
  if (layer.packages) zones.push({ target, from: layer.packages.map((name) => `./${name}`), message });
  if (layer.onlyPackages) {
    zones.push({
      target,
      from: ['./node_modules/**'],
      except: layer.onlyPackages.map((name) => `**/node_modules/${name}/**`),
      message,
    });
  }
  return zones;
}

/** import-x's built-in module rule, with a message that says why and where the layers are described. */
const noNodeBuiltins = {
  ...importX.rules['no-nodejs-modules'],
  meta: {
    ...importX.rules['no-nodejs-modules'].meta,
    messages: {
      builtin: `Node's "{{moduleName}}" does not exist here: shared/, the preload and the renderer run without Node. ${SEE}`,
    },
  },
};

export default defineConfig([
  {
    ignores: ['node_modules/', 'dist/', '.tsbuild/', 'test-results/', 'playwright-report/', 'bench/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX, layers: { rules: { 'no-node-builtins': noNodeBuiltins } } },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Also refuses `import('x').Type` annotations, so every import is one the layer rule sees.
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['{shared,main,renderer}/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      // An import the resolver cannot find could slip past the layer rule: refuse it instead.
      'import-x/no-unresolved': 'error',
      // `import { z }` makes esbuild keep the whole of zod's namespace (locales included: 733 KB
      // that every CLI command and the host parsed at start); `import * as z` is tree-shaken to 200 KB.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z']",
          message:
            "Write `import * as z from 'zod'`: it lets the CLI bundle drop the parts of zod it does not use.",
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        { basePath: import.meta.dirname, zones: LAYERS.flatMap(zonesOf) },
      ],
    },
  },
  ...LAYERS.filter((layer) => !layer.node).map((layer) => ({
    files: [`${layer.area}/**/*.{ts,tsx}`],
    ignores: ['renderer/vite.config.ts'],
    rules: { 'layers/no-node-builtins': 'error' },
  })),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  prettier,
]);
