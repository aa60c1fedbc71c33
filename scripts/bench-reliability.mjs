// `npm run bench:reliability [suite…]`: builds, then runs the reliability figures that take minutes
// (tests/reliability); prints a table, writes bench/reliability.json, exits non-zero on a missed target.
import { build } from 'esbuild';
import { ensureDependencies, root, run } from './lib/ensure.mjs';

ensureDependencies({ wantElectron: false });
const { buildAll } = await import('./build.mjs');
await buildAll({ quiet: true });
await build({
  entryPoints: ['tests/reliability/run.ts'],
  outfile: 'dist/reliability/run.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  absWorkingDir: root,
  logLevel: 'warning',
});
// --expose-gc: memory figures are taken after a collection, so they count what is still held.
process.exit(run(process.execPath, ['--expose-gc', 'dist/reliability/run.mjs', ...process.argv.slice(2)]));
