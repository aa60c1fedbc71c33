import { build } from 'esbuild';
import { root, run } from './ensure.mjs';

/** Bundles a TypeScript entry (packages stay external) and runs it with node and this script's arguments. */
export async function runBundled(entry, outfile, { nodeArgs = [], env = {} } = {}) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    absWorkingDir: root,
    logLevel: 'warning',
  });
  return run(process.execPath, [...nodeArgs, outfile, ...process.argv.slice(2)], {
    env: { ...process.env, ...env },
  });
}
