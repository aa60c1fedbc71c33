import { describe, expect, it } from 'vitest';
import { runCliAsync, type CliResult } from '../support/cli';
import { startApp } from '../support/reliability/app-process';
import { holdDraftsIndex, holdStoreLock, type BusyHolder } from '../support/reliability/busy-holder';
import { useTempDir } from '../support/temp-dir';

// Issue 12: another Postwright process keeps the data folder busy (stuck, stopped with Ctrl+Z, on
// a slow network disk) for longer than the 20 seconds a store waits. The author gets one sentence
// that says what to do, not a stack or a timeout code, and the next try once it is free works.
const tempDir = useTempDir('postwright-busy-');
const BUSY =
  /^postwright: Postwright could not use \/.+: another Postwright window or command has kept it busy for 20 seconds; wait for it to finish or close it, and try again\.$/;

function saysBusy(result: CliResult): void {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr.trim()).toMatch(BUSY);
}

async function folderWithDraft(): Promise<string> {
  const dataDir = tempDir();
  const made = await runCliAsync(['drafts', 'new', '--title', 'Before'], { dataDir });
  expect(made.status, made.stderr).toBe(0);
  return dataDir;
}

async function whileHeld<T>(holder: BusyHolder, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    await holder.release();
  }
}

describe('a data folder another process keeps busy', () => {
  // The three wait their 20 seconds side by side.
  it('the CLI and the app say what to do in one sentence, and the next try works', async () => {
    const [calendar, drafts, app] = await Promise.all([
      folderWithDraft(),
      folderWithDraft(),
      folderWithDraft(),
    ]);
    const add = ['events', 'add', '--title', 'Talk', '--start', '2026-05-01T10:00'];
    await Promise.all([
      // A store's lock held by a live process that keeps it fresh.
      whileHeld(await holdStoreLock(calendar, 'calendar'), async () =>
        saysBusy(await runCliAsync(add, { dataDir: calendar })),
      ).then(async () => expect((await runCliAsync(add, { dataDir: calendar })).status).toBe(0)),
      // The drafts index's write lock held by a writer that does not finish.
      whileHeld(await holdDraftsIndex(drafts), async () =>
        saysBusy(await runCliAsync(['drafts', 'new', '--title', 'Waiting'], { dataDir: drafts })),
      ).then(async () =>
        expect((await runCliAsync(['drafts', 'new', '--title', 'Later'], { dataDir: drafts })).status).toBe(
          0,
        ),
      ),
      // The running app: the change is refused with the sentence (code storage: an autosave retries),
      // nothing of it stays in memory, and the app goes on.
      (async () => {
        const running = await startApp(app);
        try {
          const link = { links: [{ url: 'https://busy.example/', title: 'Busy' }], awaitMetadata: false };
          const refused = await whileHeld(await holdStoreLock(app, 'inbox'), () =>
            running.call('inbox-add', link).then(
              () => null,
              (error: { code?: string; message?: string }) => error,
            ),
          );
          expect(refused?.code).toBe('storage');
          expect(`postwright: ${refused?.message}`).toMatch(BUSY);
          expect(await running.call('inbox-list', {})).toEqual([]);
          await running.call('inbox-add', link);
          expect((await running.call('inbox-list', {})).map((entry) => entry.url)).toEqual([
            'https://busy.example/',
          ]);
        } finally {
          await running.stop();
        }
      })(),
    ]);
  }, 120_000);
});
