import { mkdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { syncFolder } from './atomic-write';

/**
 * Moves an unreadable draft folder (or index file) aside, never deleting it, so the author or
 * support can look at it: `<dataDir>/quarantine/<timestamp>-<name>`.
 */
export async function quarantine(
  quarantineFolder: string,
  path: string,
  now: Date,
  name = basename(path),
): Promise<string> {
  await mkdir(quarantineFolder, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = join(quarantineFolder, `${stamp}-${name}`);
  await rename(path, target);
  await syncFolder(quarantineFolder);
  return target;
}
