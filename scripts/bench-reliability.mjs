// `npm run bench:reliability [writers|draft|stores|two|wordpress|disk|kill|starts…]`: builds, then runs the long
// reliability runs (issue 12's and 13's figures) and prints them; writes bench/reliability.json.
import { ensureDependencies, root, run } from './lib/ensure.mjs';

ensureDependencies({ wantElectron: false });
// Only after the install: on a fresh clone esbuild is not there before it.
const { build } = await import('esbuild');
const { buildAll } = await import('./build.mjs');
await buildAll({ quiet: true });
await build({
  entryPoints: ['tests/bench/reliability.ts'],
  outfile: 'dist/bench/reliability.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  absWorkingDir: root,
  logLevel: 'warning',
});
process.exit(run(process.execPath, ['dist/bench/reliability.mjs', ...process.argv.slice(2)]));
