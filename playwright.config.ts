import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import type { HostKind } from './tests/e2e/support/fixtures';

const electronPresent = existsSync('node_modules/electron/path.txt');

export default defineConfig<{ hostKind: HostKind }>({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'chromium', use: { hostKind: 'browser' } },
    // The same specs against the desktop app, wherever Electron's binary could be installed.
    ...(electronPresent ? [{ name: 'electron', use: { hostKind: 'electron' as const } }] : []),
  ],
});
