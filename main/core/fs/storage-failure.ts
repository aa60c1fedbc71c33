import { CoreFailure } from '../../../shared/contract/errors';

const WHY: Record<string, string> = {
  ENOSPC: 'the disk is full. Free some space and try again',
  EDQUOT: 'your disk quota is used up. Free some space and try again',
  EROFS: 'the folder is read-only. Make it writable (or choose another data folder) and try again',
  EACCES: 'Postwright may not write there. Give your user write access to the folder and try again',
  EPERM: 'Postwright may not write there. Give your user write access to the folder and try again',
};

/**
 * A failed write to the data folder as the one sentence the author sees: what could not be saved,
 * why, what to do, and that what was saved before is unchanged (every store writes crash-safely
 * and changes its memory only after the write). Null for any other error.
 */
export function storageFailure(error: unknown): CoreFailure | null {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
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

/** Rethrows a storage error as its sentence; anything else as it was. */
export function asStorageFailure(error: unknown): unknown {
  return storageFailure(error) ?? error;
}
