import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  _electron,
  test as base,
  chromium,
  type Browser,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { startHostProcess, type HostProcess } from './browser-host-process';

export type HostKind = 'browser' | 'electron';

/** The app under test: one running host over one data folder, restartable like a real app. */
export interface AppUnderTest {
  dataDir: string;
  /** Opens the app: a new tab on the browser host, the window of the desktop app. */
  open(): Promise<Page>;
  /** Stops the app and starts it again over the same data folder. */
  restart(): Promise<void>;
  /** The browser host's process (browser project only). */
  host(): HostProcess;
}

/**
 * Playwright's own `--disable-features` list (1.65). Chromium honours only the last such flag, so
 * the one below must carry these too; chromium-args.spec.ts checks them against the installed
 * Playwright.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Chromium 156 loads its address bar's popup (a WebUI page of about 100 modules) with every new
 * page; on two cores that made a blank page take 340 ms instead of 210, and every test and bench
 * paid it.
 */
export const OUR_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OUR_DISABLED_FEATURES].join(',')}`,
];

async function browserApp(
  browser: Browser,
  dataDir: string,
): Promise<AppUnderTest & { close(): Promise<void> }> {
  let host = await startHostProcess(dataDir);
  const context = await browser.newContext();
  return {
    dataDir,
    async open() {
      const page = await context.newPage();
      await page.goto(host.url);
      return page;
    },
    async restart() {
      await host.stop();
      host = await startHostProcess(dataDir);
    },
    host: () => host,
    async close() {
      await context.close();
      await host.stop();
    },
  };
}

async function electronApp(dataDir: string): Promise<AppUnderTest & { close(): Promise<void> }> {
  const launch = () =>
    _electron.launch({
      args: ['dist/electron/main.mjs'],
      env: { ...process.env, POSTWRIGHT_DATA_DIR: dataDir },
    });
  let app: ElectronApplication = await launch();
  return {
    dataDir,
    open: () => app.firstWindow(),
    async restart() {
      await app.close();
      app = await launch();
    },
    host() {
      throw new Error('the desktop app has no browser host');
    },
    close: () => app.close(),
  };
}

export const test = base.extend<{ app: AppUnderTest; hostKind: HostKind }, { workerBrowser: Browser }>({
  hostKind: ['browser', { option: true }],
  workerBrowser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const browser = await chromium.launch({
        executablePath: process.env.POSTWRIGHT_CHROMIUM ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ workerBrowser, hostKind }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'postwright-e2e-'));
    const app =
      hostKind === 'electron' ? await electronApp(dataDir) : await browserApp(workerBrowser, dataDir);
    await use(app);
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
