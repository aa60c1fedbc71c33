// `npm test`: installs what it needs, builds, then runs typecheck, lint, formatting, unit, contract,
// integration and end-to-end tests. Exits non-zero on any failure and ends with one summary line.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import {
  electronBinaryPresent,
  ensureChromium,
  ensureDependencies,
  ensureKeyringDaemon,
  ensureSqliteBinding,
  root,
  run,
} from './lib/ensure.mjs';
import { countPlaywright, countVitest, summaryLine } from './lib/test-report.mjs';

const parts = [];
const failedSteps = [];

function step(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const status = run(command, args, { env: { ...process.env, ...env } });
  if (status !== 0) failedSteps.push(name);
  return status;
}

/** Counts a runner's report; without one, lists its tests (`listTests`) so each counts as not run. */
function count(runner, file, read, listTests) {
  let counts;
  try {
    counts = read(JSON.parse(readFileSync(`${root}/${file}`, 'utf8')));
  } catch {
    parts.push({ runner, notRun: listTests() });
    return;
  }
  parts.push(counts);
}

/** How many tests a runner has, from its own listing (1 when even that fails: the runner is broken). */
function listed(args, countOf) {
  const listing = spawnSync('npx', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    return countOf(JSON.parse(listing.stdout));
  } catch {
    return 1;
  }
}

ensureDependencies({ wantElectron: process.env.POSTWRIGHT_ELECTRON === '1' });
ensureSqliteBinding();
const chromium = ensureChromium();
ensureKeyringDaemon();
const { buildAll } = await import('./build.mjs');
await buildAll({ quiet: true });

step('typecheck', 'npx', ['tsc', '-b']);
step('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
step('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);
step('electron security (electronegativity)', process.execPath, ['scripts/electronegativity.mjs']);

rmSync(`${root}/test-results`, { recursive: true, force: true });
step(
  'unit, contract and integration tests',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
  { POSTWRIGHT_CHROMIUM: chromium },
);
count(
  'Vitest',
  'test-results/vitest.json',
  (report) => countVitest(report, root),
  () => listed(['vitest', 'list', '--json'], (tests) => tests.length),
);

if (!electronBinaryPresent()) {
  console.log(
    '\nElectron end-to-end tests did not run: the Electron binary is not installed here (node_modules/electron/path.txt is missing).',
  );
}
step('end-to-end tests', 'npx', ['playwright', 'test'], {
  POSTWRIGHT_CHROMIUM: chromium,
  PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json',
});
count(
  'Playwright',
  'test-results/playwright.json',
  (report) => countPlaywright(report, 'tests/e2e'),
  // a listing reports every test as skipped
  () => listed(['playwright', 'test', '--list', '--reporter=json'], (report) => report.stats.skipped),
);

const reasons = parts.flatMap((part) => part.reasons ?? []);
if (reasons.length > 0) console.log(`\nWhat failed:\n${reasons.map((reason) => `  ${reason}`).join('\n')}`);
if (failedSteps.length > 0) console.log(`\nFailed: ${failedSteps.join(', ')}`);
console.log(`\n${summaryLine(parts)}`);
process.exit(failedSteps.length > 0 || parts.some((part) => 'notRun' in part || part.failed > 0) ? 1 : 0);
