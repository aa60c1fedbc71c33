import { CoreFailure } from '../../../shared/contract/errors';

/**
 * How long a store waits for another process holding it (its lock, or the drafts index's write
 * lock): longer than any store operation takes, so past it the other process is stuck.
 */
export const BUSY_WAIT_MS = 20_000;

/**
 * Another Postwright process has held the data folder past BUSY_WAIT_MS: what to do, in one
 * sentence. Code `storage`: nothing was saved, nothing saved before was lost, and an autosave
 * tries again (it is not a conflict between versions).
 */
export function busyFailure(folder: string | undefined): CoreFailure {
  return new CoreFailure(
    'storage',
    `Postwright could not use ${folder ?? 'the data folder'}: another Postwright window or command has kept it busy for ${BUSY_WAIT_MS / 1000} seconds; wait for it to finish or close it, and try again.`,
  );
}

const WHY: Record<string, string> = {
  ENOSPC: 'the disk is full. Free some space and try again',
  EDQUOT: 'your disk quota is used up. Free some space and try again',
  EROFS: 'the folder is read-only. Make it writable (or choose another data folder) and try again',
  EACCES: 'Postwright may not write there. Give your user write access to the folder and try again',
  EPERM: 'Postwright may not write there. Give your user write access to the folder and try again',
  ENOTDIR: 'a file stands where Postwright keeps a folder. Move that file away and try again',
  // SQLite (the drafts index) says "disk I/O error" when a write fails, whatever the cause underneath.
  SQLITE_IOERR: 'the disk could not be written (it may be full). Free some space and try again',
};

/** SQLite's codes (`SQLITE_FULL`, `SQLITE_READONLY_DBMOVED`, `SQLITE_IOERR_WRITE`…) as the file system's. */
function fileSystemCode(code: string | undefined): string | undefined {
  if (!code?.startsWith('SQLITE_')) return code;
  if (code.startsWith('SQLITE_FULL')) return 'ENOSPC';
  // A write, sync or growth of the file refused: in practice a disk with no room left.
  if (/^SQLITE_IOERR_(WRITE|FSYNC|TRUNCATE|SHMSIZE)$/.test(code)) return 'ENOSPC';
  // The index (or its write-ahead log) cannot be opened for writing: a read-only folder.
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) return 'EROFS';
  if (code.startsWith('SQLITE_IOERR')) return 'SQLITE_IOERR';
  return undefined;
}

/**
 * A failed write to the data folder as the one sentence the author sees: what could not be saved,
 * why, what to do, and that what was saved before is unchanged (every store writes crash-safely
 * and changes its memory only after the write). Null for any other error.
 */
export function storageFailure(error: unknown): CoreFailure | null {
  const { code: raw, path } = (error ?? {}) as NodeJS.ErrnoException;
  // The drafts index's busy timeout (as long as the store locks' wait) ran out.
  if (raw?.startsWith('SQLITE_BUSY') || raw?.startsWith('SQLITE_LOCKED')) return busyFailure(path);
  const code = fileSystemCode(raw);
  const why = code ? WHY[code] : undefined;
  if (!why) return null;
  // A write through an open file carries no path: the folder is all there is to name.
  const where = ` to ${path ? withoutTempName(path) : 'the data folder'}`;
  return new CoreFailure(
    'storage',
    `Postwright could not save${where}: ${why}. What was saved before is unchanged.`,
    { errno: code },
  );
}

/** The file a crash-safe write was replacing, not its temporary file (`.x.json.<hex>.tmp`, conf's `x.json.tmp-…`). */
function withoutTempName(path: string): string {
  return path.replace(/([/\\])\.([^/\\]+)\.[0-9a-f]+\.tmp$/, '$1$2').replace(/\.tmp-[0-9a-z]+$/i, '');
}
