import { constants, lstatSync, realpathSync } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';

/**
 * A regular file that really lies inside `root`: not a symbolic link itself, and no linked folder
 * on the way, so a link named like an image (photo.png → /etc/passwd, or → secrets.json) is never
 * served, copied or uploaded. Returns the path, or null.
 */
export function containedFile(root: string, file: string): string | null {
  const below = relative(root, file);
  if (below === '' || below.startsWith('..') || isAbsolute(below)) return null;
  try {
    if (!lstatSync(file).isFile()) return null;
    // Any link on the way (the draft's folder, assets/, the file) makes the real path differ.
    return realpathSync(file) === join(realpathSync(root), below) ? file : null;
  } catch {
    return null;
  }
}

/** Whether a path is a symbolic link (for copies that must leave links behind). */
export async function isSymbolicLink(path: string): Promise<boolean> {
  return (await lstat(path)).isSymbolicLink();
}

/**
 * Opens a file for reading without following a link in its last part, so a file swapped for a link
 * after it was checked is refused rather than read.
 */
export async function openWithoutFollowing(file: string): Promise<FileHandle> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    throw Object.assign(new Error(`${file} is not a regular file`), { code: 'EISDIR' });
  }
  return handle;
}

/** The whole of a file, read without following a link (see openWithoutFollowing). */
export async function readWithoutFollowing(file: string): Promise<Buffer> {
  const handle = await openWithoutFollowing(file);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
