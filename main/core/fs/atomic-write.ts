import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  mode?: number;
  /**
   * Runs once the new version is written under its temporary name, while its fsync is under way,
   * and before it replaces the file (a rename keeps its modification time): what must be recorded
   * first, so a failure there leaves the file as it was.
   */
  beforeReplace?: (temp: string) => Promise<void>;
}

/**
 * Replaces a file so that a crash at any moment leaves either the old or the new version, never a
 * torn or empty one: write a temporary file beside it, fsync it, rename it over, fsync the folder.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  { mode = 0o600, beforeReplace }: AtomicWriteOptions = {},
): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeTempFile(temp, { flags: 'w', mode }, (file) => file.writeFile(data), beforeReplace);
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/**
 * Creates `temp` (`flags` as for open: 'wx' refuses a file already there), fills it with `write`
 * and fsyncs it, so it is whole on disk before the caller renames it into place; `whileSyncing`
 * runs beside the fsync (the disk's wait is most of a save). When any of them fails, the file is
 * closed and removed and the error thrown again.
 */
export async function writeTempFile(
  temp: string,
  { flags, mode }: { flags: 'w' | 'wx'; mode: number },
  write: (file: FileHandle) => Promise<void>,
  whileSyncing?: (temp: string) => Promise<void>,
): Promise<void> {
  const file = await open(temp, flags, mode);
  try {
    await write(file);
    // Both settle before the file is closed: a failed record must not close it under its fsync.
    const [synced, recorded] = await Promise.allSettled([file.sync(), whileSyncing?.(temp)]);
    if (synced.status === 'rejected') throw synced.reason;
    if (recorded.status === 'rejected') throw recorded.reason;
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
}

/** Makes a rename durable. Some platforms (Windows) cannot open a folder; there rename is enough. */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch {
    // EISDIR/EPERM on platforms without directory fsync: nothing more can be done.
  } finally {
    await handle.close();
  }
}
