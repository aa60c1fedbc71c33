import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { countPlaywright, countVitest, summaryLine } from '../../scripts/lib/test-report.mjs';

const report = (name: string) => JSON.parse(readFileSync(`tests/fixtures/test-reports/${name}`, 'utf8'));

// Both reports come from real runs with the test WordPress unable to start: its tests never ran.
describe("npm test's summary counts every test", () => {
  test('Vitest: the tests of a file whose setup failed are failures, with the reason', () => {
    expect(countVitest(report('vitest-wordpress-down.json'), '/repo')).toEqual({
      passed: 3,
      failed: 1,
      skipped: 0,
      reasons: [
        'tests/integration/wordpress/metaweblog-cli.test.ts: 1 test did not run: The test WordPress on port notaport did not start: "notaport" is not a port number from 1024 to 65535.',
      ],
    });
  });

  test('Vitest: a failed test is named with the first line of its error, for the tail CI keeps', () => {
    const failing = {
      numPassedTests: 1,
      numFailedTests: 1,
      testResults: [
        {
          name: '/repo/tests/integration/blogs-kill.test.ts',
          status: 'failed',
          message: '',
          assertionResults: [
            { status: 'passed', fullName: 'blogs survive › a kill', failureMessages: [] },
            {
              status: 'failed',
              fullName: 'blogs survive › a restart',
              failureMessages: ['AssertionError: expected 11 to be 0\n    at stack line'],
            },
          ],
        },
      ],
    };
    expect(countVitest(failing, '/repo').reasons).toEqual([
      'tests/integration/blogs-kill.test.ts › blogs survive › a restart: AssertionError: expected 11 to be 0',
    ]);
  });

  test('Playwright: a test that did not run because the one before it failed is a failure; a skip on purpose is not', () => {
    expect(countPlaywright(report('playwright-wordpress-down.json'), 'tests/e2e')).toEqual({
      passed: 1,
      failed: 2,
      skipped: 1,
      reasons: [
        'tests/e2e/a.spec.ts › one: Error: The test WordPress did not start: port taken.',
        'tests/e2e/a.spec.ts: 1 test did not run after a failure before it.',
      ],
    });
  });

  test('a runner that wrote no report counts every test it has as not run', () => {
    expect(
      summaryLine([
        { passed: 30, failed: 0, skipped: 0 },
        { notRun: 387, runner: 'Vitest' },
      ]),
    ).toBe('30 passed, 387 failed (387 of them did not run: Vitest wrote no report)');
    expect(summaryLine([{ passed: 30, failed: 2, skipped: 1 }])).toBe('30 passed, 2 failed, 1 skipped');
  });
});
