import { cpSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import type * as Fs from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { blankDraftFields, type Draft } from '../../shared/model/draft';
import { serializeDraft } from '../../main/core/drafts/draft-file';
import { entryOf, type IndexEntry } from '../../main/core/drafts/draft-index';
import { DraftPaths } from '../../main/core/drafts/draft-paths';
import { createIndexFile, IndexDb } from '../../main/core/drafts/index-db';
import { entriesInPieces } from '../../main/core/fs/folder-pieces';
import { openLibrary } from '../support/drafts';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-folder-check-');

/**
 * A closed library of `count` drafts whose index agrees with their folders (as after a quit), and
 * `strays` files beside them named like drafts (files, not folders: listed, never read): written
 * directly, as the library would take seconds to make them one by one.
 */
function writeLibrary(dataDir: string, count: number, strays: number): void {
  const paths = new DraftPaths(dataDir);
  mkdirSync(paths.root, { recursive: true });
  createIndexFile(paths.index);
  const index = new IndexDb(paths.index);
  const entries: IndexEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const time = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
    const draft: Draft = {
      ...blankDraftFields(),
      id: `draft-${i}`,
      title: `Draft ${i}`,
      editorState: null,
      html: `<p>Body ${i}</p>`,
      createdAt: time,
      updatedAt: time,
      status: 'draft',
      statusMessage: null,
      remote: null,
      wordCount: 2,
      trashedAt: null,
    };
    mkdirSync(paths.folder(draft.id));
    writeFileSync(paths.file(draft.id), serializeDraft(draft));
    entries.push(entryOf(draft, statSync(paths.file(draft.id), { bigint: true }).mtimeNs.toString()));
  }
  index.transaction(() => entries.forEach((entry) => index.put(entry, { text: entry.title.toLowerCase() })));
  index.close();
  for (let i = 0; i < strays; i += 1) writeFileSync(join(paths.root, `loose-file-${i}`), '');
}

/** Entries the code under test listed from folders and files it stat'ed, counted as they happen. */
const seen = vi.hoisted(() => ({ listed: 0, stats: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  return {
    ...fs,
    readdir: async (...args: Parameters<typeof fs.readdir>) => {
      const names = await fs.readdir(...args);
      seen.listed += names.length;
      return names;
    },
    opendir: async (...args: Parameters<typeof fs.opendir>) => {
      const dir = await fs.opendir(...args);
      const readSync = dir.readSync.bind(dir);
      dir.readSync = () => {
        const entry = readSync();
        if (entry) seen.listed += 1;
        return entry;
      };
      return dir;
    },
  };
});

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  return {
    ...fs,
    statSync: ((...args: Parameters<typeof fs.statSync>) => {
      seen.stats += 1;
      return fs.statSync(...args);
    }) as typeof fs.statSync,
  };
});

/** Runs `work`, noting the most entries listed and files stat'ed in one turn of the event loop. */
async function mostInOneTurn(work: () => Promise<unknown>): Promise<{ listed: number; stats: number }> {
  const most = { listed: 0, stats: 0 };
  let last = { ...seen };
  let running = true;
  const tick = () => {
    most.listed = Math.max(most.listed, seen.listed - last.listed);
    most.stats = Math.max(most.stats, seen.stats - last.stats);
    last = { ...seen };
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await work();
  running = false;
  tick();
  return most;
}

describe('the folder check at start', () => {
  it('lists a folder a piece at a time, letting the event loop turn between pieces', async () => {
    const dir = tempDir();
    for (let i = 0; i < 25; i += 1) writeFileSync(join(dir, `file-${i}`), '');
    const sizes: number[] = [];
    const names: string[] = [];
    let turned = true;
    for await (const piece of entriesInPieces(dir, 10)) {
      expect(turned).toBe(true);
      turned = false;
      setImmediate(() => (turned = true));
      sizes.push(piece.length);
      names.push(...piece.map((entry) => entry.name));
    }
    expect(sizes).toEqual([10, 10, 5]);
    expect(names.sort()).toEqual(Array.from({ length: 25 }, (_, i) => `file-${i}`).sort());
  });

  it("lets calls through while it checks: at most 250 entries listed and 250 drafts stat'ed a turn", async () => {
    const dir = tempDir();
    // Listed in one call, the 50,000 entries of a large library held the app's first search for 100-150 ms.
    writeLibrary(dir, 300, 700);
    const before = { ...seen };
    const { library } = openLibrary(dir);
    const most = await mostInOneTurn(() => library.ready);
    // Every entry (the index's files too) and draft went through what was counted.
    expect(seen.listed - before.listed).toBeGreaterThanOrEqual(1000);
    expect(seen.stats - before.stats).toBeGreaterThanOrEqual(300);
    expect(most.listed).toBeLessThanOrEqual(250);
    expect(most.stats).toBeLessThanOrEqual(250);
    expect((await library.page({}, 0, 1)).total).toBe(300);
    await library.close();
  });

  it('answers a search during the check from the index, then pushes what changed on disk and searches it', async () => {
    const dir = tempDir();
    const first = openLibrary(dir).library;
    const kept = await first.create({ title: 'Kept apple' });
    const removed = await first.create({ title: 'Removed apple' });
    const edited = await first.create({ title: 'Edited pear' });
    await first.close();
    // While the app was closed: a folder added (a sync, a restore), one removed, one rewritten in place.
    const root = join(dir, 'drafts');
    cpSync(join(root, kept.id), join(root, 'added-apple'), { recursive: true });
    const added = join(root, 'added-apple', 'draft.json');
    writeFileSync(
      added,
      readFileSync(added, 'utf8').replace(kept.id, 'added-apple').replace('Kept', 'Added'),
    );
    rmSync(join(root, removed.id), { recursive: true });
    const rewritten = join(root, edited.id, 'draft.json');
    writeFileSync(rewritten, readFileSync(rewritten, 'utf8').replace('Edited pear', 'Edited apple'));
    const later = new Date(Date.now() + 60_000);
    utimesSync(rewritten, later, later);

    const { library, events } = openLibrary(dir);
    let checked = false;
    const ready = library.ready.then(() => (checked = true));
    // The app's first search does not wait for the check: it answers from the index as it was.
    const during = await library.page({ query: 'apple' }, 0, 100);
    expect(checked).toBe(false);
    expect(during.items.map((d) => d.title).sort()).toEqual(['Kept apple', 'Removed apple']);
    await ready;
    // The check tells the app what it found, and every search from then on agrees with the disk.
    expect(events).toContainEqual({ event: 'drafts-removed', payload: { ids: [removed.id] } });
    const changed = events.filter((e) => e.event === 'draft-changed').map((e) => e.payload);
    expect(changed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'added-apple', title: 'Added apple' }),
        expect.objectContaining({ id: edited.id, title: 'Edited apple' }),
      ]),
    );
    const after = await library.page({ query: 'apple' }, 0, 100);
    expect(after.items.map((d) => d.title).sort()).toEqual(['Added apple', 'Edited apple', 'Kept apple']);
    await library.close();
  });
});
