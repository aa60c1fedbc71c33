import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Draft } from '../../../shared/model/draft';
import type { Logger } from '../platform/logger';
import { entryOf, type IndexEntry } from './draft-index';
import { isDraftFolderName, type DraftPaths } from './draft-paths';
import type { IndexStore } from './index-store';
import { quarantine } from './quarantine';

const STAT_BATCH = 256;
/** Longer than any save takes; a temporary file older than this was left by a crash. */
const TEMP_FILE_GRACE_MS = 60_000;

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
  await mkdir(paths.root, { recursive: true, mode: 0o700 });
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
 * names and each folder's modification time (which changes whenever draft.json is replaced) with
 * the index, and re-reads only the drafts that disagree.
 */
export async function verifyIndex(options: OpenIndexOptions): Promise<number> {
  const { paths, index, logger } = options;
  const names = await readdir(paths.root, { withFileTypes: true });
  const folders: string[] = [];
  for (const item of names) {
    if (!item.isDirectory()) continue;
    if (item.name.startsWith('.creating-') || item.name.startsWith('.erasing-')) {
      // Left by a crash while a draft was being created or erased: never a complete draft.
      await rm(join(paths.root, item.name), { recursive: true, force: true });
    } else if (isDraftFolderName(item.name)) {
      folders.push(item.name);
    }
  }

  const stale: string[] = [];
  for (let at = 0; at < folders.length; at += STAT_BATCH) {
    const batch = folders.slice(at, at + STAT_BATCH);
    const stamps = await Promise.all(
      batch.map((id) =>
        stat(paths.folder(id), { bigint: true }).then(
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
      await removeLeftoverTempFiles(paths.folder(id), options.now());
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

/**
 * Temporary files of a write that a crash interrupted; the draft itself is the old or new version.
 * A young one may belong to a save another process (the CLI) is making right now, so it stays.
 */
async function removeLeftoverTempFiles(folder: string, now: Date): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith('.') || !name.endsWith('.tmp')) continue;
    const path = join(folder, name);
    const modified = await stat(path).then(
      (info) => info.mtimeMs,
      () => null,
    );
    if (modified !== null && now.getTime() - modified > TEMP_FILE_GRACE_MS) await rm(path, { force: true });
  }
}
