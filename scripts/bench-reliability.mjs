// `npm run bench:reliability [writers|draft|stores|two|wordpress|disk|kill|starts|hostile-fetch|lost-answers…]`:
// builds, then runs the long reliability runs (issue 12's and 13's figures) and prints them; writes
// bench/reliability.json and exits non-zero on a missed target.
import { ensureDependencies, ensureSqliteBinding } from './lib/ensure.mjs';

ensureDependencies({ wantElectron: false });
ensureSqliteBinding();
// Only after the install: on a fresh clone esbuild is not there before it.
const { runBundled } = await import('./lib/run-bundled.mjs');
const { buildAll } = await import('./build.mjs');
await buildAll({ quiet: true });
// --expose-gc: memory figures are taken after a collection, so they count what is still held.
process.exit(
  await runBundled('tests/bench/reliability.ts', 'dist/bench/reliability.mjs', { nodeArgs: ['--expose-gc'] }),
);
