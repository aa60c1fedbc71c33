// Builds everything into dist/: the CLI and browser host, the Electron main and preload, the renderer.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chmod, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildAll({ quiet = false } = {}) {
  const started = Date.now();
  await rm(`${root}/dist`, { recursive: true, force: true });
  const node = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    absWorkingDir: root,
  };
  await Promise.all([
    // Split so each command loads only what it uses: `postwright --help` starts without the core.
    esbuild({
      ...node,
      entryPoints: ['main/cli/postwright.ts'],
      outdir: 'dist/cli',
      splitting: true,
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      banner: { js: '#!/usr/bin/env node' },
    }),
    esbuild({
      ...node,
      entryPoints: ['main/electron/main.ts'],
      outfile: 'dist/electron/main.mjs',
      format: 'esm',
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
