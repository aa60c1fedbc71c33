import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../e2e/support/fixtures';
import { startHostProcess } from '../e2e/support/browser-host-process';
import { median, row, type BenchSuite } from './bench-kit';

const RUNS = 5;

/**
 * From spawning `postwright serve` to the first paint of the shell, against the same host serving
 * a blank page: the ratio shows what the app itself costs over process start and a page load.
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

  /** Milliseconds from spawning the host to the painted page, and from opening the page to it. */
  async function startToPaint(path: string, selector: string): Promise<{ start: number; open: number }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'postwright-bench-data-'));
    const page = await browser.newPage();
    const started = performance.now();
    const host = await startHostProcess(dataDir, { POSTWRIGHT_RENDERER_DIR: rendererDir });
    const url = new URL(host.url);
    url.pathname = path;
    const opening = performance.now();
    await page.goto(url.href);
    await page.waitForSelector(selector);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    const painted = performance.now();
    await page.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
    return { start: painted - started, open: painted - opening };
  }

  const blank: { start: number; open: number }[] = [];
  const shell: { start: number; open: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    blank.push(await startToPaint('/blank.html', '#blank'));
    shell.push(await startToPaint('/', '.app[data-ready="true"]'));
  }
  const startOf = (runs: typeof shell) => median(runs.map((entry) => entry.start));
  const openOf = (runs: typeof shell) => median(runs.map((entry) => entry.open));
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

  return [
    row('browser host start to first paint of the shell (median of 5)', startOf(shell), 'ms', {
      baseline: { name: 'same host, blank page', value: startOf(blank) },
    }),
    row('open the app to the ready shell, host running (median of 5)', openOf(shell), 'ms', {
      baseline: { name: 'same host, blank page', value: openOf(blank) },
      budget: { limit: 500, of: 'value' },
    }),
    row('main entry load: `postwright version` (median of 5)', median(cli), 'ms', {
      baseline: { name: 'node -e ""', value: median(bare) },
    }),
  ];
};
