import { mkdir, readdir, stat } from 'node:fs/promises';
import type { Draft } from '../../../shared/model/draft';
import { removeLeftovers, WORK_FOLDER_AGE_MS } from '../fs/leftovers';
import type { Logger } from '../platform/logger';
import { entryOf, type IndexEntry } from './draft-index';
import { isDraftFolderName, type DraftPaths } from './draft-paths';
import type { IndexStore } from './index-store';
import { quarantine } from '../fs/quarantine';

const STAT_BATCH = 256;

export interface OpenIndexOptions {
  paths: DraftPaths;
  index: IndexStore;
  logger: Logger;
  now: () => Date;
  readForIndex: (id: string) => Promise<{ draft: Draft; stamp: string } | null>;
  onQuarantined: (files: string[], folder: string) => void;
  onChanged: (entry: IndexEntry) => void;
  onRemoved: (ids: string[]) => void;
  /**
   * Runs the work on one draft. At open nothing else runs yet; a later check (another process
   * changed the folder) takes the draft's lock, so it never reads or tidies a draft mid-save.
   */
  forDraft?: <T>(id: string, work: () => Promise<T>) => Promise<T>;
}

/** Reads index.json (quarantining a broken one); false when there is no usable index to list from. */
export async function loadIndex(options: OpenIndexOptions): Promise<boolean> {
  const { paths, index, logger } = options;
  await mkdir(paths.root, { recursive: true });
  const loaded = await index.load();
  if (loaded === 'unreadable') {
    const target = await quarantine(paths.quarantine, paths.index, options.now());
    logger.error('the drafts index could not be read; moved it to quarantine and rebuilt it', { target });
    options.onQuarantined([target], paths.quarantine);
  }
  return loaded === 'ok';
}

/**
 * Checks the index against the draft folders without reading the drafts: it compares the folder
 * names and each draft.json's modification time (which changes whenever it is replaced or
 * otherwise written) with the index, and re-reads only the drafts that disagree.
 */
export async function verifyIndex(options: OpenIndexOptions): Promise<number> {
  const { paths, index, logger } = options;
  const names = await readdir(paths.root, { withFileTypes: true });
  const folders: string[] = [];
  for (const item of names) if (item.isDirectory() && isDraftFolderName(item.name)) folders.push(item.name);
  // Left by a crash while a draft was being created or erased: never a complete draft. A young
  // one is another process's draft being made right now, so only old ones go.
  await removeLeftovers(
    paths.root,
    options.now(),
    (name) => name.startsWith('.creating-') || name.startsWith('.erasing-'),
    WORK_FOLDER_AGE_MS,
  );
  await removeLeftovers(paths.root, options.now());
  await removeLeftovers(paths.searchFolder, options.now());

  const stale: string[] = [];
  for (let at = 0; at < folders.length; at += STAT_BATCH) {
    const batch = folders.slice(at, at + STAT_BATCH);
    const stamps = await Promise.all(
      batch.map((id) =>
        stat(paths.file(id), { bigint: true }).then(
          (info) => info.mtimeNs.toString(),
          () => null,
        ),
      ),
    );
    batch.forEach((id, i) => {
      if (index.get(id)?.stamp !== stamps[i]) stale.push(id);
    });
  }
  const present = new Set(folders);
  const removed = [...index.entries.keys()].filter((id) => !present.has(id));
  for (const id of removed) index.remove(id);

  const forDraft = options.forDraft ?? ((_id, work) => work());
  let updated = 0;
  for (const id of stale) {
    await forDraft(id, async () => {
      await removeLeftovers(paths.folder(id), options.now());
      const read = await options.readForIndex(id);
      if (!read) {
        if (index.get(id)) removed.push(id);
        index.remove(id);
        return;
      }
      // A save by this process while the check waited for the lock already put this version.
      if (index.get(id)?.stamp === read.stamp) return;
      const entry = entryOf(read.draft, read.stamp);
      index.put(entry, read.draft);
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
  return updated + removed.length;
}
