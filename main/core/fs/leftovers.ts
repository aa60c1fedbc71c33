import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Longer than any write takes: a temporary file older than this was left by a crash. */
export const TEMP_FILE_AGE_MS = 60_000;
/** A draft being assembled may copy large images; a folder this old was left by a crash. */
export const WORK_FOLDER_AGE_MS = 10 * 60_000;

/** Temporary files of a crash-safe write (ours, and conf's for settings.json). */
export function isTempFileName(name: string): boolean {
  return (name.startsWith('.') && name.endsWith('.tmp')) || /\.tmp-[0-9a-z]+$/i.test(name);
}

/**
 * Removes what crashed writes left in `folder`: entries `matches` picks that are older than
 * `ageMs`. A younger one may be another process's write in progress, so it stays. Returns how many.
 */
export async function removeLeftovers(
  folder: string,
  now: Date,
  matches: (name: string) => boolean = isTempFileName,
  ageMs = TEMP_FILE_AGE_MS,
): Promise<number> {
  return removeLeftoversAmong(folder, await readdir(folder).catch(() => [] as string[]), now, matches, ageMs);
}

/** The same, among `names` already listed from `folder` (a folder of 50,000 drafts is listed once). */
export async function removeLeftoversAmong(
  folder: string,
  names: string[],
  now: Date,
  matches: (name: string) => boolean = isTempFileName,
  ageMs = TEMP_FILE_AGE_MS,
): Promise<number> {
  let removed = 0;
  for (const name of names) {
    if (!matches(name)) continue;
    const path = join(folder, name);
    const modified = await stat(path).then(
      (info) => info.mtimeMs,
      () => null,
    );
    if (modified === null || now.getTime() - modified <= ageMs) continue;
    await rm(path, { recursive: true, force: true }).catch(() => undefined);
    removed += 1;
  }
  return removed;
}
