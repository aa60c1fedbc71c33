import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import { removeLeftovers } from '../fs/leftovers';
import { quarantine } from '../fs/quarantine';
import { storeLockPath, withStoreLock } from '../fs/store-lock';

/** A problem found before the core exists, handed to it to show (see Problems). */
export interface EarlyProblem {
  what: string;
  file: string;
  then: string;
}

export const settingsLockPath = (dataDir: string) => storeLockPath(dataDir, 'settings');

/**
 * Makes `settings.json` safe for conf and electron-store to open, which throw on a file they cannot
 * parse (and so would keep the app from starting). Run by every host before it builds its store.
 * Under the settings lock, a file that cannot be parsed is moved to `quarantine/` (defaults are
 * used); invalid digest templates are copied there and dropped from the file (the default
 * template is used). Temporary files a crashed write left are removed.
 */
export async function prepareSettingsFile(dataDir: string, now: Date): Promise<EarlyProblem[]> {
  const path = join(dataDir, 'settings.json');
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await removeLeftovers(dataDir, now);
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null || (await verdictOf(text)) === 'ok') return [];
  return withStoreLock(settingsLockPath(dataDir), async () => {
    // Read again under the lock: a writer replacing the file never leaves it half written.
    const again = await readFile(path, 'utf8').catch(() => null);
    const verdict = again === null ? 'ok' : await verdictOf(again);
    if (verdict === 'ok') return [];
    const folder = join(dataDir, 'quarantine');
    if (verdict === 'unreadable') {
      const target = await quarantine(folder, path, now);
      return [{ what: 'Your settings', file: target, then: 'the defaults are used' }];
    }
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const target = join(folder, `${now.toISOString().replace(/[:.]/g, '-')}-${basename(path)}`);
    await copyFile(path, target);
    const { digestTemplates: _dropped, ...rest } = JSON.parse(again!) as Record<string, unknown>;
    await writeFileAtomic(path, JSON.stringify(rest, null, '\t'));
    return [
      {
        what: 'Your digest templates',
        file: target,
        then: 'the default template is used until you add yours again',
      },
    ];
  });
}

async function verdictOf(text: string): Promise<'ok' | 'unreadable' | 'templates'> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'unreadable';
  }
  if (!isObject(raw)) return 'unreadable';
  // Absent templates are the default ones; only a file that has some needs the schemas (zod),
  // which every host's start would otherwise load.
  if (!Object.hasOwn(raw, 'digestTemplates')) return 'ok';
  const { readSettings } = await import('./read-settings');
  return readSettings(raw).invalid.includes('digestTemplates') ? 'templates' : 'ok';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
