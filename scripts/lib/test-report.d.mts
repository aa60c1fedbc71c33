// Types of test-report.mjs, for its unit test.
export interface RunnerCounts {
  passed: number;
  failed: number;
  skipped: number;
  reasons: string[];
}
export function countVitest(report: unknown, root: string): RunnerCounts;
export function countPlaywright(report: unknown, testDir: string): RunnerCounts;
export function summaryLine(
  parts: (Omit<RunnerCounts, 'reasons'> | { notRun: number; runner: string })[],
): string;
