import { mkdir } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { Draft } from '../../../shared/model/draft';
import { entriesInPieces } from '../fs/folder-pieces';
import { removeLeftovers, removeLeftoversAmong, WORK_FOLDER_AGE_MS } from '../fs/leftovers';
import type { Logger } from '../platform/logger';
import { entryOf, type IndexEntry } from './draft-index';
import { isDraftFolderName, type DraftPaths } from './draft-paths';
import type { IndexStore } from './index-store';

/**
 * Folder entries listed and stat'ed between two turns of the event loop: an app keeps answering
 * while it checks 50,000 drafts (a batch of 2,000 held a search typed meanwhile for 20-40 ms; 250
 * costs the check nothing measurable).
 */
const STAT_BATCH = 250;

export interface OpenIndexOptions {
  paths: DraftPaths;
  index: IndexStore;
  logger: Logger;
  now: () => Date;
  readForIndex: (id: string) => Promise<{ draft: Draft; stamp: string } | null>;
  onChanged: (entry: IndexEntry) => void;
  onRemoved: (ids: string[]) => void;
  /**
   * Runs the work on one draft. At open nothing else of this process runs yet; a later check
   * (another process changed the folder) takes the draft's lock, so it never tidies a draft mid-save.
   */
  forDraft?: <T>(id: string, work: () => Promise<T>) => Promise<T>;
}

/**
 * Opens the index (setting a damaged one aside and starting a new one); false when there is no
 * usable index to list from before the folder check (it was made just now).
 */
export async function loadIndex(options: OpenIndexOptions): Promise<boolean> {
  await mkdir(options.paths.root, { recursive: true, mode: 0o700 });
  await options.index.open();
  return !options.index.fresh;
}

/**
 * Checks the index against the draft folders without reading the drafts: it compares the folder
 * names and each draft.json's modification time (which changes whenever it is replaced or
 * otherwise written) with the stamps in the index, and re-reads only the drafts that disagree.
 * The check holds no lock: a row is only replaced while it still has the stamp the check saw, so
 * a save another process makes meanwhile always wins.
 * `namesOnly` compares the folder names alone: a draft folder added or removed (by another
 * program, a sync, a restore) is picked up, a draft.json another program rewrote in its folder is
 * not; it skips a stat per draft, which at 10,000 drafts cost a one-shot `drafts list` more than
 * the list itself. Postwright's own saves need neither: they write the row before the file.
 */
export async function verifyIndex(
  options: OpenIndexOptions,
  { namesOnly = false } = {},
): Promise<{ count: number; stamps: Map<string, string> }> {
  const { paths, index, logger } = options;
  // Rows first: another process making a draft writes its row just before its folder appears, so
  // a draft made while the folder is listed (over many turns) is not taken for a row without one.
  const known = await index.stamps();
  const listed = await compareWithFolders(paths, known, namesOnly);
  // Left by a crash while a draft was being created or erased: never a complete draft. A young
  // one is another process's draft being made right now, so only old ones go.
  await removeLeftoversAmong(
    paths.root,
    listed.others,
    options.now(),
    (name) => name.startsWith('.creating-') || name.startsWith('.erasing-'),
    WORK_FOLDER_AGE_MS,
  );
  await removeLeftoversAmong(paths.root, listed.others, options.now());
  const removed = listed.everyRowListed ? [] : await removeRowsWithoutFolder(index, known, listed.folders);

  const forDraft = options.forDraft ?? ((_id, work) => work());
  let updated = 0;
  for (const id of listed.stale) {
    await forDraft(id, async () => {
      await removeLeftovers(paths.folder(id), options.now());
      const expected = known.get(id) ?? null;
      const read = await options.readForIndex(id);
      if (!read) {
        if (expected !== null && (await index.remove(id, expected))) removed.push(id);
        known.delete(id);
        return;
      }
      const entry = entryOf(read.draft, read.stamp);
      if (expected === read.stamp || !(await index.putChecked(entry, read.draft, expected))) return;
      known.set(id, read.stamp);
      options.onChanged(entry);
      updated += 1;
    });
  }
  if (removed.length > 0) options.onRemoved(removed);
  if (updated + removed.length > 0) {
    logger.info('updated the drafts index from the draft folders', {
      changed: updated,
      removed: removed.length,
    });
  }
  return { count: updated + removed.length, stamps: known };
}

/** draft.json's modification time in nanoseconds, undefined when there is none. */
function stampOf(file: string): string | undefined {
  return statSync(file, { bigint: true, throwIfNoEntry: false })?.mtimeNs.toString();
}

/**
 * Lists the folder a piece at a time, comparing each draft folder with its row as it goes (its
 * name, and unless `namesOnly` its draft.json's stamp). `stale`: the drafts to read again;
 * `others`: the names that are not draft ids (a draft id has no dot: only these can be what a
 * crash left); `everyRowListed`: every row has its folder, so no row needs removing.
 */
async function compareWithFolders(paths: DraftPaths, known: Map<string, string>, namesOnly: boolean) {
  const folders: string[] = [];
  const others: string[] = [];
  const stale: string[] = [];
  let rowsListed = 0;
  for await (const piece of entriesInPieces(paths.root, STAT_BATCH)) {
    for (const item of piece) {
      const id = item.name;
      if (!isDraftFolderName(id)) {
        others.push(id);
        continue;
      }
      if (!item.isDirectory()) continue;
      folders.push(id);
      const expected = known.get(id);
      if (expected !== undefined) rowsListed += 1;
      if (namesOnly ? expected === undefined : expected !== stampOf(paths.file(id))) stale.push(id);
    }
  }
  return { folders, others, stale, everyRowListed: rowsListed === known.size };
}

/** Removes the rows (still with the stamp read) of drafts whose folder is gone; returns their ids. */
async function removeRowsWithoutFolder(
  index: IndexStore,
  known: Map<string, string>,
  folders: string[],
): Promise<string[]> {
  const present = new Set(folders);
  const removed: string[] = [];
  let seen = 0;
  for (const [id, stamp] of known) {
    if ((seen += 1) % STAT_BATCH === 0) await yieldToEvents();
    if (present.has(id)) continue;
    if (await index.remove(id, stamp)) removed.push(id);
    known.delete(id);
  }
  return removed;
}
