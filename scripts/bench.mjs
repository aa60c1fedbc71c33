// `npm run bench [suite…]`: builds, then runs the benchmarks; prints a table and writes bench/results.json.
import { ensureChromium, ensureDependencies, ensureSqliteBinding } from './lib/ensure.mjs';
import { runBundled } from './lib/run-bundled.mjs';

ensureDependencies({ wantElectron: false });
ensureSqliteBinding();
const chromium = ensureChromium();
const { buildAll } = await import('./build.mjs');
await buildAll({ quiet: true });
process.exit(
  await runBundled('tests/bench/run.ts', 'dist/bench/run.mjs', { env: { POSTWRIGHT_CHROMIUM: chromium } }),
);
