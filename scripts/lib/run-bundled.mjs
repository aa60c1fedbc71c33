import { build } from 'esbuild';
import { root, run } from './ensure.mjs';

/**
 * Bundles a TypeScript entry for node into one file (packages stay external, loaded from
 * node_modules at run time); a relative path is from the repository's root.
 */
export async function bundleForNode(entry, outfile, { minify = false } = {}) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    absWorkingDir: root,
    minify,
    logLevel: 'warning',
  });
}

/** Bundles a TypeScript entry (packages stay external) and runs it with node and this script's arguments. */
export async function runBundled(entry, outfile, { nodeArgs = [], env = {} } = {}) {
  await bundleForNode(entry, outfile);
  return run(process.execPath, [...nodeArgs, outfile, ...process.argv.slice(2)], {
    env: { ...process.env, ...env },
  });
}
