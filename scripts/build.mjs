// Builds everything into dist/: the CLI and browser host, the Electron main and preload, the renderer.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chmod, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildAll({ quiet = false } = {}) {
  const started = Date.now();
  await rm(`${root}/dist`, { recursive: true, force: true });
  const node = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    // Dependencies are bundled and tree-shaken, so a command resolves and reads a few files instead
    // of hundreds. Left outside: Electron itself, better-sqlite3, @napi-rs/keyring and sharp (their native
    // bindings are found beside their own files) and ws's optional native helpers.
    external: ['electron', 'better-sqlite3', '@napi-rs/keyring', 'sharp', 'bufferutil', 'utf-8-validate'],
    logLevel: 'warning',
    absWorkingDir: root,
  };
  // Bundled CommonJS packages call require() for Node's modules; an ES module has none of its own.
  const requireShim =
    "import { createRequire as __postwrightRequire } from 'node:module'; const require = __postwrightRequire(import.meta.url);";
  await Promise.all([
    // One file for the entry; what a command loads on demand (the core, each domain, the heavy
    // parsers) is split off, so `postwright --help` starts without the core and `drafts list`
    // without the publishing and calendar code.
    esbuild({
      ...node,
      // The CLI bundles better-sqlite3's JavaScript too (index-db.ts loads its binding by path):
      // resolving and reading its dozen files cost each command that opens the index about 15 ms
      // of CPU, a tenth of an empty `drafts list`.
      external: node.external.filter((name) => name !== 'better-sqlite3'),
      entryPoints: ['main/cli/postwright.ts'],
      outdir: 'dist/cli',
      splitting: true,
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      banner: { js: `#!/usr/bin/env node\n${requireShim}` },
      metafile: true,
    }).then(({ metafile }) => writeFile(`${root}/dist/cli/meta.json`, JSON.stringify(metafile))),
    esbuild({
      ...node,
      entryPoints: ['main/electron/main.ts'],
      outdir: 'dist/electron',
      splitting: true,
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      banner: { js: requireShim },
    }),
    // A sandboxed preload cannot be an ES module: one CommonJS file that only requires electron.
    esbuild({
      ...node,
      entryPoints: ['main/preload/preload.ts'],
      outfile: 'dist/preload/preload.cjs',
      format: 'cjs',
    }),
  ]);
  await chmod(`${root}/dist/cli/postwright.mjs`, 0o755);
  await viteBuild({ configFile: `${root}/renderer/vite.config.ts`, logLevel: quiet ? 'error' : 'info' });
  if (!quiet) console.log(`built dist/ in ${Date.now() - started} ms`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildAll().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
