import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { runCli } from '../support/cli';
import { CHROMIUM_ARGS } from '../e2e/support/fixtures';
import { startHostProcess } from '../e2e/support/browser-host-process';
import { median, percentile, row, type BenchRow, type BenchSuite } from './bench-kit';
import { generateDrafts } from './generate-drafts';

const WORDS = 20_000;
const KEYS = 60;
const WARM_UP = 10;
const LIBRARY_SIZE = 10_000;
const SEARCH_DEBOUNCE_MS = 60; // renderer/features/drafts/useDraftList.ts

const VOCABULARY = (
  'the workshop council meeting skills framework web professionals public sector london brighton hove ' +
  'november december learning pool breakfast speakers include events page local government network ' +
  'initiative practitioners development group members training community library thanks programme'
).split(' ');

/** 20,000 words in paragraphs of about 100, deterministic, as HTML. */
function longPostHtml(): string {
  const paragraphs: string[] = [];
  let seed = 7;
  for (let written = 0; written < WORDS;) {
    const words: string[] = [];
    for (let i = 0; i < 100 && written < WORDS; i += 1, written += 1) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      words.push(VOCABULARY[seed % VOCABULARY.length]!);
    }
    paragraphs.push(`<p>${words.join(' ')}.</p>`);
  }
  return paragraphs.join('\n');
}

/** Records, for every keydown, the time from the event to the next animation frame. */
async function installKeystrokeProbe(page: Page) {
  await page.evaluate(() => {
    const samples: number[] = [];
    (window as unknown as { __keystrokes: number[] }).__keystrokes = samples;
    document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => samples.push(performance.now() - start));
      },
      true,
    );
  });
}

async function typeAndMeasure(page: Page): Promise<number[]> {
  const text = 'the quick brown fox jumps over the lazy dog and keeps on typing at the council '.repeat(2);
  for (let i = 0; i < KEYS; i += 1) await page.keyboard.press(text[i] === ' ' ? 'Space' : text[i]!);
  await page.waitForFunction(
    (count) => (window as unknown as { __keystrokes: number[] }).__keystrokes.length >= count,
    KEYS,
  );
  const samples = await page.evaluate(() => (window as unknown as { __keystrokes: number[] }).__keystrokes);
  return samples.slice(WARM_UP);
}

async function keystrokeRows(browser: Browser): Promise<BenchRow[]> {
  const html = longPostHtml();
  const rendererDir = mkdtempSync(join(tmpdir(), 'postwright-bench-editor-'));
  cpSync('dist/renderer', rendererDir, { recursive: true });
  // The same text in a bare contenteditable, served by the same host with the same fonts.
  writeFileSync(
    join(rendererDir, 'bare.html'),
    `<!doctype html><meta charset="utf-8"><title>bare</title>` +
      `<div id="bare" contenteditable="true" style="max-width:640px;margin:40px auto;font:18px/1.65 serif">${html}</div>`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-bench-editor-data-'));
  const file = join(dataDir, 'long-post.html');
  writeFileSync(file, html);
  runCli(['drafts', 'new', '--title', 'A 20,000-word post', '--html', file], { dataDir });
  const host = await startHostProcess(dataDir, { POSTWRIGHT_RENDERER_DIR: rendererDir });
  try {
    const bare: number[] = [];
    const app: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const barePage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const bareUrl = new URL(host.url);
      bareUrl.pathname = '/bare.html';
      await barePage.goto(bareUrl.href);
      await barePage.locator('#bare p').first().click();
      await barePage.keyboard.press('Control+Home');
      await installKeystrokeProbe(barePage);
      bare.push(...(await typeAndMeasure(barePage)));
      await barePage.close();

      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      await page.locator('.draft-row__open').first().click();
      const body = page.getByRole('textbox', { name: 'Body' });
      await body.locator('p').first().click();
      await page.keyboard.press('Control+Home');
      await installKeystrokeProbe(page);
      app.push(...(await typeAndMeasure(page)));
      // Let the autosave of what was typed finish before the page goes.
      await page.getByTestId('save-state').getByText('Saved').waitFor();
      await page.close();
    }
    const baseline = { name: 'bare contenteditable, same page size', value: median(bare) };
    return [
      row(`keystroke to next frame, ${WORDS.toLocaleString('en')}-word draft (median)`, median(app), 'ms', {
        baseline,
        budget: { limit: 1.25, of: 'ratio' },
      }),
      row('slowest keystroke to next frame, same draft', Math.max(...app), 'ms', {
        baseline: { name: 'bare contenteditable, slowest', value: Math.max(...bare) },
        budget: { limit: 100, of: 'value' },
      }),
    ];
  } finally {
    await host.stop();
    rmSync(rendererDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Times each drafts search (`drafts-page`, or `drafts-list` before it) from the request leaving the page to the frame after its answer. */
function searchProbe() {
  const probe = { requests: [] as number[], painted: [] as number[], keyed: [] as number[] };
  (window as unknown as { __search: typeof probe }).__search = probe;
  document.addEventListener('keydown', (event) => probe.keyed.push(event.timeStamp), true);
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data: string) {
    try {
      const message = JSON.parse(data) as { id: number; method: string; args?: { query?: string } };
      if ((message.method === 'drafts-list' || message.method === 'drafts-page') && message.args?.query) {
        const sent = performance.now();
        const onReply = (event: MessageEvent) => {
          if ((JSON.parse(String(event.data)) as { id?: number }).id !== message.id) return;
          this.removeEventListener('message', onReply);
          requestAnimationFrame(() => {
            probe.requests.push(performance.now() - sent);
            probe.painted.push(performance.now());
          });
        };
        this.addEventListener('message', onReply);
      }
    } catch {
      // not JSON: not ours to time
    }
    return send.call(this, data);
  } as typeof WebSocket.prototype.send;
}

async function libraryRows(browser: Browser): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-bench-list-'));
  generateDrafts(dataDir, LIBRARY_SIZE);
  const emptyDir = mkdtempSync(join(tmpdir(), 'postwright-bench-list-empty-'));
  runCli(['drafts', 'new', '--title', 'One draft'], { dataDir: emptyDir });
  const host = await startHostProcess(dataDir);
  const small = await startHostProcess(emptyDir);
  try {
    /** Milliseconds from clicking "Drafts" (from another section) to the first rows painted. */
    const firstPaint = async (url: string): Promise<number[]> => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(url);
      await page.locator('.draft-row').first().waitFor();
      const times: number[] = [];
      for (let run = 0; run < 5; run += 1) {
        await page.getByRole('button', { name: 'Inbox', exact: true }).click();
        await page.locator('.drafts-view').waitFor({ state: 'detached' });
        const started = performance.now();
        await page.getByRole('button', { name: 'Drafts', exact: true }).click();
        await page.locator('.draft-row').first().waitFor();
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
        times.push(performance.now() - started);
      }
      await page.close();
      return times;
    };
    const big = await firstPaint(host.url);
    const one = await firstPaint(small.url);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(searchProbe);
    await page.goto(host.url);
    await page.locator('.draft-row').first().waitFor();
    const search = page.getByRole('searchbox', { name: 'Search drafts' });
    let expected = 0;
    for (const query of ['brighton kalomi', 'council tor', 'hove belpol', 'november meeting']) {
      await search.fill('');
      await page.locator('.draft-row').first().waitFor();
      for (const char of query) {
        await search.press(char === ' ' ? 'Space' : char);
        if (char === ' ') continue; // a trailing space does not change the query
        expected += 1;
        await page.waitForFunction(
          (count) =>
            (window as unknown as { __search: { requests: number[] } }).__search.requests.length >= count,
          expected,
        );
      }
    }
    const probe = await page.evaluate(
      () =>
        (window as unknown as { __search: { requests: number[]; painted: number[]; keyed: number[] } })
          .__search,
    );
    await page.close();
    // Keystroke to results: each answer against the keystroke that asked for it (the last before it).
    const keyToPaint = probe.painted.map((at) => at - Math.max(...probe.keyed.filter((key) => key < at)));
    return [
      row(
        `drafts list first paint, ${LIBRARY_SIZE.toLocaleString('en')} drafts (median of 5)`,
        median(big),
        'ms',
        {
          baseline: { name: 'same, one draft', value: median(one) },
          budget: { limit: 300, of: 'value' },
        },
      ),
      row(
        `search as you type, ${LIBRARY_SIZE.toLocaleString('en')} drafts: request to painted results (p95)`,
        percentile(probe.requests, 95),
        'ms',
        {
          budget: { limit: 50, of: 'value' },
          note: `${probe.requests.length} searches`,
        },
      ),
      row('search as you type: keystroke to painted results (p95)', percentile(keyToPaint, 95), 'ms', {
        note: `includes the ${SEARCH_DEBOUNCE_MS} ms pause the list waits for typing to stop`,
      }),
    ];
  } finally {
    await host.stop();
    await small.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(emptyDir, { recursive: true, force: true });
  }
}

/**
 * The editor and the drafts list in a real Chromium: typing latency in a 20,000-word draft against
 * a bare contenteditable in the same run, and list paint and search over 10,000 drafts.
 */
export const editorBench: BenchSuite = async () => {
  const browser = await chromium.launch({
    executablePath: process.env.POSTWRIGHT_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    return [...(await keystrokeRows(browser)), ...(await libraryRows(browser))];
  } finally {
    await browser.close();
  }
};
