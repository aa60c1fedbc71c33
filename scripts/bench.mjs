// `npm run bench [suite…]`: builds, then runs the benchmarks; prints a table and writes bench/results.json.
import { ensureChromium, ensureDependencies, ensureRipgrep, ensureSqliteBinding } from './lib/ensure.mjs';

ensureDependencies({ wantElectron: false });
ensureSqliteBinding();
const chromium = ensureChromium();
ensureRipgrep();
// Only after the install: on a fresh clone esbuild is not there before it.
const { runBundled } = await import('./lib/run-bundled.mjs');
const { buildAll } = await import('./build.mjs');
await buildAll({ quiet: true });
process.exit(
  await runBundled('tests/bench/run.ts', 'dist/bench/run.mjs', { env: { POSTWRIGHT_CHROMIUM: chromium } }),
);
