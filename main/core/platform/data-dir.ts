import { randomBytes } from 'node:crypto';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CoreFailure } from '../../../shared/contract/errors';

/** Folders Postwright makes are its owner's alone, whatever the umask; files are 0600 (atomic-write.ts). */
export const PRIVATE_FOLDER_MODE = 0o700;

const DISK_CODES = new Set(['EROFS', 'ENOSPC', 'EDQUOT']);

const UNWRITABLE = 'Make it writable, or choose another folder with --data-dir or POSTWRIGHT_DATA_DIR.';

/**
 * Makes sure the data folder exists (created 0700) and can be written, before anything else touches
 * it, and says in one sentence what is wrong when not: a file in its place, a read-only disk, a
 * folder of another user, a place like /proc where nothing can be made. Folders are created one
 * level at a time: Node's recursive mkdir spins forever where mkdir answers ENOENT (/proc/self/x).
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  const missing: string[] = [];
  for (let folder = dataDir; ; folder = dirname(folder)) {
    const info = await stat(folder).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) {
        throw new CoreFailure(
          'invalid-args',
          `The data folder ${dataDir} cannot be used: ${folder} is a file, not a folder. Choose a folder with --data-dir or POSTWRIGHT_DATA_DIR.`,
        );
      }
      break;
    }
    const absent = info.code === 'ENOENT' || info.code === 'ENOTDIR';
    if (!absent || dirname(folder) === folder) throw cannotUse(dataDir, info);
    missing.unshift(folder);
  }
  for (const folder of missing) {
    await mkdir(folder, { mode: PRIVATE_FOLDER_MODE }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw cannotUse(dataDir, error, 'create');
    });
  }
  // Permission bits do not tell the whole truth (root, read-only mounts, /proc): try a real write.
  const probe = join(dataDir, `.write-test-${randomBytes(4).toString('hex')}`);
  try {
    await (await open(probe, 'wx', 0o600)).close();
  } catch (error) {
    // A full or read-only disk still reads: each save then says why it cannot, and that nothing
    // saved before changed (fs/storage-failure.ts). Anything else is the folder's fault.
    if (DISK_CODES.has((error as NodeJS.ErrnoException).code ?? '')) return;
    throw cannotUse(dataDir, error as NodeJS.ErrnoException);
  }
  await rm(probe, { force: true });
}

function cannotUse(dataDir: string, error: NodeJS.ErrnoException, verb = 'write to'): CoreFailure {
  const why =
    error.code === 'EROFS'
      ? 'it is on a read-only disk'
      : error.code === 'EACCES' || error.code === 'EPERM'
        ? 'you do not have permission to write there'
        : error.code === 'ENOSPC'
          ? 'the disk is full'
          : `nothing can be written there (${error.code ?? error.message})`;
  return new CoreFailure(
    'invalid-args',
    `Postwright cannot ${verb} the data folder ${dataDir}: ${why}. ${UNWRITABLE}`,
  );
}
