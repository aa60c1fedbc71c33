// How `npm test` counts what its runners report. Every test is counted: one that did not run
// because something before it failed (a setup, a hook, the test before it in a serial group) is a
// failure, with the reason, never a skip; a runner that wrote no report has all its tests counted
// as not run. Each failed test is also named with the first line of its error, because CI keeps
// only the tail of the output and the runner's own report of a failure is far above it.
import { relative } from 'node:path';

const plural = (count) => `${count} test${count === 1 ? '' : 's'}`;
const firstLine = (text) => (text ?? '').trim().split('\n')[0].slice(0, 300);

/** Vitest's JSON report: a file whose setup failed reports its tests as skipped, with its message. */
export function countVitest(report, root) {
  const counts = { passed: report.numPassedTests, failed: report.numFailedTests, skipped: 0, reasons: [] };
  for (const file of report.testResults) {
    const notRun = file.assertionResults.filter((test) =>
      ['skipped', 'pending', 'todo'].includes(test.status),
    );
    const name = relative(root, file.name);
    for (const test of file.assertionResults.filter((result) => result.status === 'failed'))
      counts.reasons.push(`${name} › ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
    if (file.status !== 'failed' || file.message === '') {
      counts.skipped += notRun.length;
    } else if (file.assertionResults.length === 0) {
      counts.failed += 1; // a file that could not even load: its tests are unknown, count the file
      counts.reasons.push(`${name} could not run: ${file.message.split('\n')[0]}`);
    } else {
      counts.failed += notRun.length;
      if (notRun.length > 0)
        counts.reasons.push(`${name}: ${plural(notRun.length)} did not run: ${file.message.split('\n')[0]}`);
    }
  }
  return counts;
}

/** Playwright's JSON report: a test skipped without a skip annotation did not run after a failure. */
export function countPlaywright(report, testDir) {
  const counts = {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: 0,
    reasons: [],
  };
  const notRunIn = new Map();
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status === 'unexpected') {
          const error = test.results.at(-1)?.error?.message;
          counts.reasons.push(`${testDir}/${spec.file} › ${spec.title}: ${firstLine(error)}`);
        }
        if (test.status !== 'skipped') continue;
        const onPurpose = test.annotations.some((note) => note.type === 'skip' || note.type === 'fixme');
        if (onPurpose) counts.skipped += 1;
        else notRunIn.set(spec.file, (notRunIn.get(spec.file) ?? 0) + 1);
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites) visit(suite);
  for (const [file, count] of notRunIn) {
    counts.failed += count;
    counts.reasons.push(`${testDir}/${file}: ${plural(count)} did not run after a failure before it.`);
  }
  return counts;
}

/** The last line of `npm test`. A part is a runner's counts, or `{ notRun, runner }` for one that wrote no report. */
export function summaryLine(parts) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const missing = [];
  for (const part of parts) {
    if ('notRun' in part) {
      failed += part.notRun;
      missing.push(`${part.notRun} of them did not run: ${part.runner} wrote no report`);
    } else {
      passed += part.passed;
      failed += part.failed;
      skipped += part.skipped;
    }
  }
  const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
  return missing.length ? `${line} (${missing.join('; ')})` : line;
}
