// `npm run bench:reliability [suite…]`: builds, then runs the reliability figures that take minutes
// (tests/reliability); prints a table, writes bench/reliability.json, exits non-zero on a missed target.
import { ensureDependencies } from './lib/ensure.mjs';
import { runBundled } from './lib/run-bundled.mjs';

ensureDependencies({ wantElectron: false });
const { buildAll } = await import('./build.mjs');
await buildAll({ quiet: true });
// --expose-gc: memory figures are taken after a collection, so they count what is still held.
process.exit(
  await runBundled('tests/reliability/run.ts', 'dist/reliability/run.mjs', { nodeArgs: ['--expose-gc'] }),
);
