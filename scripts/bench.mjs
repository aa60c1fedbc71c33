// `npm run bench [suite…]`: builds, then runs the benchmarks; prints a table and writes bench/results.json.
import { build } from 'esbuild';
import { ensureChromium, ensureDependencies, ensureSqliteBinding, root, run } from './lib/ensure.mjs';

ensureDependencies({ wantElectron: false });
ensureSqliteBinding();
const chromium = ensureChromium();
const { buildAll } = await import('./build.mjs');
await buildAll({ quiet: true });
await build({
  entryPoints: ['tests/bench/run.ts'],
  outfile: 'dist/bench/run.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  absWorkingDir: root,
  logLevel: 'warning',
});
process.exit(
  run(process.execPath, ['dist/bench/run.mjs', ...process.argv.slice(2)], {
    env: { ...process.env, POSTWRIGHT_CHROMIUM: chromium },
  }),
);
