// `npm test`: installs what it needs, builds, then runs typecheck, lint, formatting, unit, contract,
// integration and end-to-end tests. Exits non-zero on any failure and ends with one summary line.
import { readFileSync, rmSync } from 'node:fs';
import {
  electronBinaryPresent,
  ensureChromium,
  ensureDependencies,
  ensureSqliteBinding,
  root,
  run,
} from './lib/ensure.mjs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function step(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const status = run(command, args, { env: { ...process.env, ...env } });
  if (status !== 0) failedSteps.push(name);
  return status;
}

function count(file, read) {
  try {
    const counts = read(JSON.parse(readFileSync(`${root}/${file}`, 'utf8')));
    results.passed += counts.passed;
    results.failed += counts.failed;
    results.skipped += counts.skipped;
  } catch {
    results.failed += 1; // no report at all: the runner itself failed
  }
}

ensureDependencies({ wantElectron: process.env.POSTWRIGHT_ELECTRON === '1' });
ensureSqliteBinding();
const chromium = ensureChromium();
const { buildAll } = await import('./build.mjs');
await buildAll({ quiet: true });

step('typecheck', 'npx', ['tsc', '-b']);
step('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
step('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);

rmSync(`${root}/test-results`, { recursive: true, force: true });
step(
  'unit, contract and integration tests',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
  { POSTWRIGHT_CHROMIUM: chromium },
);
count('test-results/vitest.json', (report) => ({
  passed: report.numPassedTests,
  failed: report.numFailedTests,
  skipped: report.numPendingTests + report.numTodoTests,
}));

if (!electronBinaryPresent()) {
  console.log(
    '\nElectron end-to-end tests did not run: the Electron binary is not installed here (node_modules/electron/path.txt is missing).',
  );
}
step('end-to-end tests', 'npx', ['playwright', 'test'], {
  POSTWRIGHT_CHROMIUM: chromium,
  PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json',
});
count('test-results/playwright.json', (report) => ({
  passed: report.stats.expected + report.stats.flaky,
  failed: report.stats.unexpected,
  skipped: report.stats.skipped,
}));

if (failedSteps.length > 0) console.log(`\nFailed: ${failedSteps.join(', ')}`);
console.log(
  `\n${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`,
);
process.exit(failedSteps.length > 0 || results.failed > 0 ? 1 : 0);
