import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS } from '../e2e/support/fixtures';
import { startHostProcess, type HostProcess } from '../e2e/support/browser-host-process';
import { median, row, type BenchSuite } from './bench-kit';

/** Page loads on a shared 2-core machine swing by 100 ms: nine give a median that holds still. */
const RUNS = 9;
const BLANK = { path: '/blank.html', selector: '#blank' };
const SHELL = { path: '/', selector: '.app[data-ready="true"]' };

/** CPU ticks the process has used so far (user + system, from /proc). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Waits until the host has used no CPU for half a second (10 s at most): it has started its
 * domains one after another and sits waiting, as a host the author opens a tab on does.
 */
async function untilIdle(pid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = cpuTicks(pid);
  let quietSince = Date.now();
  while (Date.now() < deadline && Date.now() - quietSince < 500) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = cpuTicks(pid);
    if (now !== last) quietSince = Date.now();
    last = now;
  }
}

/** Milliseconds from asking for the page to its first paint, in a fresh browser context. */
async function openToPaint(browser: Browser, host: HostProcess, what: typeof SHELL): Promise<number> {
  const page = await browser.newPage();
  const url = new URL(host.url);
  url.pathname = what.path;
  const opening = performance.now();
  await page.goto(url.href);
  await page.waitForSelector(what.selector);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  const painted = performance.now();
  await page.close();
  return painted - opening;
}

/**
 * From spawning `postwright serve` to the first paint of the shell, against the same host serving
 * a blank page: the ratio shows what the app itself costs over process start and a page load.
 * Then the page opened on a host that is up and idle (the budget: opening the app), beside the
 * blank page from the same host, alternating which goes first.
 */
export const startupBench: BenchSuite = async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'postwright-bench-renderer-'));
  cpSync('dist/renderer', rendererDir, { recursive: true });
  writeFileSync(
    join(rendererDir, 'blank.html'),
    '<!doctype html><title>blank</title><p id="blank">blank</p>',
  );
  const browser = await chromium.launch({
    executablePath: process.env.POSTWRIGHT_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });

  /** A fresh host and data folder: `work` gets it with the time its start began. */
  async function withHost<T>(work: (host: HostProcess, started: number) => Promise<T>): Promise<T> {
    const dataDir = mkdtempSync(join(tmpdir(), 'postwright-bench-data-'));
    const started = performance.now();
    const host = await startHostProcess(dataDir, { POSTWRIGHT_RENDERER_DIR: rendererDir });
    try {
      return await work(host, started);
    } finally {
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const startToPaint = (what: typeof SHELL) =>
    withHost(async (host, started) => {
      await openToPaint(browser, host, what);
      return performance.now() - started;
    });

  const coldBlank: number[] = [];
  const coldShell: number[] = [];
  const blank: number[] = [];
  const shell: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    coldBlank.push(await startToPaint(BLANK));
    coldShell.push(await startToPaint(SHELL));
    await withHost(async (host) => {
      await untilIdle(host.pid);
      const order = run % 2 ? [SHELL, BLANK] : [BLANK, SHELL];
      for (const what of order) (what === SHELL ? shell : blank).push(await openToPaint(browser, host, what));
    });
  }
  await browser.close();
  rmSync(rendererDir, { recursive: true, force: true });

  const node = (args: string[]) => {
    const started = performance.now();
    spawnSync(process.execPath, args);
    return performance.now() - started;
  };
  const bare: number[] = [];
  const cli: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    bare.push(node(['-e', '']));
    cli.push(node(['dist/cli/postwright.mjs', 'version']));
  }
  const spread = (values: number[]) =>
    `min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)} ms`;

  return [
    row(`browser host start to first paint of the shell (median of ${RUNS})`, median(coldShell), 'ms', {
      baseline: { name: 'same host, blank page', value: median(coldBlank) },
      note: spread(coldShell),
    }),
    row(`open the app to the ready shell, host running (median of ${RUNS})`, median(shell), 'ms', {
      baseline: { name: 'same host, blank page', value: median(blank) },
      budget: { limit: 500, of: 'value' },
      note: `a fresh browser context on a host up and idle; ${spread(shell)}`,
    }),
    row(`main entry load: \`postwright version\` (median of ${RUNS})`, median(cli), 'ms', {
      baseline: { name: 'node -e ""', value: median(bare) },
    }),
  ];
};
