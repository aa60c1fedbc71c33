import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as z from 'zod';
import type { Clock } from '../platform/clock';
import { quarantine } from './quarantine';

/** What a store needs to set an unreadable file aside and say so. */
export interface SetAsideDeps {
  dataDir: string;
  clock: Clock;
  onQuarantine: (file: string) => void;
}

/**
 * A store's JSON file as its schema reads it: `empty()` when there is no file, null when it cannot
 * be read (not JSON, or not what the schema says). Takes no lock: the file is replaced whole.
 */
export async function tryReadStoreFile<T>(
  file: string,
  schema: z.ZodType<T>,
  empty: () => T,
): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty();
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const checked = schema.safeParse(raw);
  return checked.success ? checked.data : null;
}

/**
 * Under the store's lock: the file, or, when it is still unreadable, `empty()`, the file moved to
 * `quarantine/` (never deleted) and reported.
 */
export async function readStoreFileLocked<T>(
  file: string,
  schema: z.ZodType<T>,
  empty: () => T,
  deps: SetAsideDeps,
): Promise<T> {
  const read = await tryReadStoreFile(file, schema, empty);
  if (read) return read;
  const target = await quarantine(join(deps.dataDir, 'quarantine'), file, deps.clock.now());
  deps.onQuarantine(target);
  return empty();
}
