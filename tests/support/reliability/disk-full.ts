import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { blankDraftFields } from '../../../shared/model/draft';
import { runCliAsync, type CliResult } from '../cli';
import { startApp, type AppProcess } from './app-process';
import { figure, type Figure } from './figure';
import type { SmallDisk } from './small-disk';

/** Every data file and its bytes (lock folders, the test's filler and SQLite's side files aside). */
export function snapshot(dataDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (name === '.locks' || name === 'filler') continue;
      // SQLite's write-ahead log and shared memory of the drafts index change on any attempt, even
      // one it rolls back; the index itself and every draft are compared.
      if (name.endsWith('.sqlite-wal') || name.endsWith('.sqlite-shm')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dataDir, path), readFileSync(path).toString('base64'));
    }
  };
  walk(dataDir);
  return files;
}

function sameFiles(before: Map<string, string>, after: Map<string, string>): boolean {
  if (before.size !== after.size) return false;
  for (const [path, bytes] of before) if (after.get(path) !== bytes) return false;
  return true;
}

/** The files added, removed or changed between two snapshots, for the report. */
function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path));
}

/** One sentence on stderr, no JSON log line, no stack. */
export function saysOneSentence(result: CliResult, pattern: RegExp): boolean {
  const lines = result.stderr.trim().split('\n');
  return (
    result.status === 1 &&
    lines.length === 1 &&
    pattern.test(lines[0]!) &&
    !/\{"|\n\s+at /.test(result.stderr)
  );
}

/** The CLI writes of every store, each with a unique name so the next try can be found. */
export function cliWrites(tag: string, draftId: string): { store: string; args: string[]; input?: string }[] {
  return [
    { store: 'drafts', args: ['drafts', 'new', '--title', `new ${tag}`] },
    { store: 'drafts (trash)', args: ['drafts', 'delete', draftId] },
    { store: 'calendar', args: ['events', 'add', '--title', `event ${tag}`, '--start', '2026-05-01T10:00'] },
    { store: 'inbox', args: ['inbox', 'add', `https://full.example/${tag}`] },
    { store: 'settings', args: ['settings', 'theme', 'dark'] },
    { store: 'templates', args: ['templates', 'add', `template ${tag}`] },
  ];
}

/**
 * Issue 12 item 7, R2: every store written with the disk full (and read-only), from the CLI and
 * from the running app. The files stay byte for byte, the author gets one sentence, the app's
 * memory equals the disk, and once there is room again the next write is kept whole.
 */
export async function diskFullEveryStore(disk: SmallDisk, dataDir: string): Promise<Figure[]> {
  const problems: string[] = [];
  const seed = await runCliAsync(['drafts', 'new', '--title', 'Kept', '--json'], { dataDir });
  const draftId = seed.json<{ id: string }>().id;
  await runCliAsync(['inbox', 'add', 'https://kept.example/'], { dataDir });
  await runCliAsync(['events', 'add', '--title', 'Kept', '--start', '2026-04-01T10:00'], { dataDir });

  for (const mode of ['full', 'read-only'] as const) {
    const tag = `${mode}-${Date.now()}`;
    const before = snapshot(dataDir);
    if (mode === 'full') disk.fill();
    else disk.readOnly(true);
    const why =
      mode === 'full'
        ? /^postwright: Postwright could not save to .+: the disk is full\..*unchanged\.$/
        : /^postwright: Postwright could not save to .+read-only.*unchanged\.$/;
    for (const write of cliWrites(tag, draftId)) {
      const result = await runCliAsync(write.args, { dataDir });
      if (!saysOneSentence(result, why))
        problems.push(`CLI ${write.store} (${mode}): ${result.status} ${result.stderr.trim()}`);
    }
    if (mode === 'full') disk.empty();
    else disk.readOnly(false);
    if (!sameFiles(before, snapshot(dataDir))) problems.push(`CLI (${mode}): files changed`);
    for (const write of cliWrites(tag, draftId)) {
      const result = await runCliAsync(write.args, { dataDir });
      if (result.status !== 0)
        problems.push(`CLI ${write.store} after space returned: ${result.stderr.trim()}`);
    }
    await runCliAsync(['drafts', 'restore', draftId], { dataDir });
  }

  // The running app: a failed change never stays in memory, and the next one is kept.
  const app = await startApp(dataDir);
  try {
    // Only a full disk here: the kernel will not remount a disk read-only while the app holds its
    // drafts index open for writing, so the read-only case is the CLI's, above.
    for (const mode of ['full'] as const) {
      const tag = `app-${mode}-${Date.now()}`;
      const before = snapshot(dataDir);
      disk.fill();
      const attempts: [string, () => Promise<unknown>][] = [
        [
          'drafts',
          () =>
            app.call('drafts-save', {
              draft: {
                ...blankDraftFields(),
                id: draftId,
                title: `lost ${tag}`,
                editorState: null,
                html: '<p>lost</p>',
              },
            }),
        ],
        [
          'calendar',
          () =>
            app.call('events-create', {
              title: `lost ${tag}`,
              start: '2026-06-01T10:00',
              end: null,
              allDay: false,
            }),
        ],
        [
          'inbox',
          () =>
            app.call('inbox-add', { links: [{ url: `https://lost.example/${tag}` }], awaitMetadata: false }),
        ],
        ['settings', () => app.call('settings-update', { patch: { theme: 'light' } })],
      ];
      for (const [store, attempt] of attempts) {
        const error = await attempt().then(
          () => null,
          (failure: { code?: string }) => failure,
        );
        if (error?.code !== 'storage') problems.push(`app ${store} (${mode}): ${JSON.stringify(error)}`);
      }
      disk.empty();
      if (!sameFiles(before, snapshot(dataDir))) problems.push(`app (${mode}): files changed`);
      // memory equals disk: nothing of the failed changes shows
      const events = await app.call('events-list', {});
      const links = await app.call('inbox-list', {});
      const draft = await app.call('drafts-get', { id: draftId });
      if (events.some((entry) => entry.event.title === `lost ${tag}`))
        problems.push(`app calendar (${mode}): failed event in memory`);
      if (links.some((link) => link.url.includes(tag)))
        problems.push(`app inbox (${mode}): failed link in memory`);
      if (draft.title === `lost ${tag}`) problems.push(`app drafts (${mode}): failed save in memory`);
      // the next write once there is room is kept
      await app.call('inbox-add', { links: [{ url: `https://kept.example/${tag}` }], awaitMetadata: true });
      await app.call('events-create', {
        title: `kept ${tag}`,
        start: '2026-06-02T10:00',
        end: null,
        allDay: false,
      });
    }
  } finally {
    await app.stop();
  }
  // after a restart, from the files alone
  const links = await runCliAsync(['inbox', 'list', '--json'], { dataDir });
  const events = await runCliAsync(['events', 'list', '--json'], { dataDir });
  for (const mode of ['full'])
    if (!links.stdout.includes(`kept.example/app-${mode}`) || !events.stdout.includes(`kept app-${mode}`))
      problems.push(`the write after space returned (${mode}) was not kept`);
  for (const problem of problems) process.stderr.write(`disk full: ${problem}\n`);
  return [
    figure(
      'R2',
      'disk full / read-only at a write of every store, CLI and app',
      `${problems.length} problems`,
      '0: files intact, memory = disk, one sentence, next write kept',
      problems.length === 0,
    ),
  ];
}

/**
 * Disk full at every write: each CLI write of every store runs with the disk filled to leave 0,
 * 4, 8 … `maxFreeKb` KB, so the failure lands on each write the command makes in turn (the lock,
 * the temporary file, a revision, the journal line, the index). Each run either succeeds whole or
 * fails with one sentence and the files as they were. `stores` limits it to those writes.
 */
export async function diskFullAtEveryWrite(
  disk: SmallDisk,
  dataDir: string,
  maxFreeKb: number,
  stores?: string[],
): Promise<Figure> {
  const seed = await runCliAsync(['drafts', 'new', '--title', 'Kept', '--json'], { dataDir });
  const draftId = seed.json<{ id: string }>().id;
  let runs = 0;
  const problems: string[] = [];
  for (let freeKb = 0; freeKb <= maxFreeKb; freeKb += 4) {
    for (const write of cliWrites(`sweep-${freeKb}`, draftId)) {
      if (stores && !stores.includes(write.store)) continue;
      const before = snapshot(dataDir);
      disk.fill(freeKb * 1024);
      const result = await runCliAsync(write.args, { dataDir });
      disk.empty();
      runs += 1;
      if (result.status === 0) continue;
      if (
        !saysOneSentence(
          result,
          /^postwright: Postwright could not save to .+: the disk is full\..*unchanged\.$/,
        )
      )
        problems.push(`${write.store} with ${freeKb} KB free: ${result.stderr.trim()}`);
      else if (!sameFiles(before, snapshot(dataDir)))
        problems.push(
          `${write.store} with ${freeKb} KB free: files changed (${changedFiles(before, snapshot(dataDir)).join(', ')})`,
        );
    }
    await runCliAsync(['drafts', 'restore', draftId], { dataDir });
  }
  for (const problem of problems.slice(0, 20)) process.stderr.write(`disk full sweep: ${problem}\n`);
  return figure(
    'R2',
    `disk full at every write (${runs} CLI writes, 0–${maxFreeKb} KB free)`,
    `${problems.length} problems`,
    '0',
    problems.length === 0,
  );
}

/** One change the running app makes, and whether the app shows it (memory, not the files). */
interface AppWrite {
  store: string;
  make(app: AppProcess, tag: string): Promise<unknown>;
  shows(app: AppProcess, tag: string): Promise<boolean>;
}

function appWrites(draftId: string): AppWrite[] {
  // A body of about 24 KB: a draft's revision and the draft itself each take several pages.
  const body = `<p>${'A paragraph the author is typing. '.repeat(700)}</p>`;
  return [
    {
      store: 'drafts (autosave)',
      make: (app, tag) =>
        app.call('drafts-save', {
          draft: { ...blankDraftFields(), id: draftId, title: tag, editorState: null, html: body },
        }),
      shows: async (app, tag) => (await app.call('drafts-get', { id: draftId })).title === tag,
    },
    {
      store: 'calendar',
      make: (app, tag) =>
        app.call('events-create', { title: tag, start: '2026-06-01T10:00', end: null, allDay: false }),
      shows: async (app, tag) =>
        (await app.call('events-list', {})).some((entry) => entry.event.title === tag),
    },
    {
      store: 'inbox',
      // Awaiting the page's details (none here), so no write of this link comes after the check.
      make: (app, tag) =>
        app.call('inbox-add', {
          links: [{ url: `https://sweep.example/${tag}`, title: tag }],
          awaitMetadata: true,
        }),
      shows: async (app, tag) => (await app.call('inbox-list', {})).some((link) => link.title === tag),
    },
    {
      store: 'settings',
      make: async (app, tag) => {
        const { digestTemplates } = await app.call('settings-get', {});
        const added = { ...digestTemplates[0]!, name: tag };
        return app.call('settings-update', {
          patch: { digestTemplates: [...digestTemplates, added] },
          base: { templateNames: digestTemplates.map((template) => template.name) },
        });
      },
      shows: async (app, tag) =>
        (await app.call('settings-get', {})).digestTemplates.some((template) => template.name === tag),
    },
  ];
}

/**
 * Every change the running app makes (an autosave, an event, a link, a template) with 0, 4 …
 * `maxFreeKb` KB left, so the disk refuses each write it makes in turn (an autosave writes a
 * revision, then the draft, then its index row). A refused change must leave every file as it was
 * (no revision of a version that was never saved), not show in the app, and be said as a
 * `storage` error; the first autosave that has room keeps its revision.
 */
export async function appWritesAtEveryWrite(
  disk: SmallDisk,
  dataDir: string,
  maxFreeKb: number,
): Promise<Figure> {
  const seed = await runCliAsync(['drafts', 'new', '--title', 'Kept', '--json'], { dataDir });
  const draftId = seed.json<{ id: string }>().id;
  const problems: string[] = [];
  let runs = 0;
  let refused = 0;
  const app = await startApp(dataDir);
  try {
    for (const write of appWrites(draftId)) {
      let revisionChecked = false;
      for (let freeKb = 0; freeKb <= maxFreeKb; freeKb += 4) {
        const tag = `${write.store} with ${freeKb} KB free`;
        const before = snapshot(dataDir);
        disk.fill(freeKb * 1024);
        const error = await write.make(app, tag).then(
          () => null,
          (failure: { code?: string }) => failure,
        );
        disk.empty();
        runs += 1;
        if (error === null) {
          if (write.store.startsWith('drafts') && !revisionChecked) {
            revisionChecked = true;
            const [newest] = await app.call('drafts-revisions', { id: draftId });
            if (newest?.title !== tag) problems.push(`${tag}: saved, but its revision is ${newest?.title}`);
          }
          continue;
        }
        refused += 1;
        if (error.code !== 'storage') problems.push(`${tag}: ${JSON.stringify(error)}`);
        const after = snapshot(dataDir);
        if (!sameFiles(before, after))
          problems.push(`${tag}: files changed (${changedFiles(before, after).join(', ')})`);
        if (await write.shows(app, tag)) problems.push(`${tag}: refused, but the app shows it`);
      }
    }
  } finally {
    await app.stop();
  }
  for (const problem of problems.slice(0, 20)) process.stderr.write(`app writes, disk full: ${problem}\n`);
  return figure(
    'R2',
    `every app write with 0–${maxFreeKb} KB free (${runs} writes, ${refused} refused)`,
    `${problems.length} problems`,
    '0: a refused write leaves no file (no orphan revision), memory = disk',
    problems.length === 0,
  );
}
