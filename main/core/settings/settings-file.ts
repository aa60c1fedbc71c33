import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { settingsSchema, type Settings } from '../../../shared/model/settings';
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

/** Each setting read on its own: one invalid value falls back to its default, not all of them. */
export function readSettings(raw: unknown): { settings: Settings; invalid: string[] } {
  const source =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    const parsed = schema.safeParse(source[key]);
    if (!parsed.success) invalid.push(key);
    settings[key] = parsed.success ? parsed.data : schema.parse(undefined);
  }
  return { settings: settings as Settings, invalid };
}

/**
 * Makes `settings.json` safe for conf and electron-store to open, which throw on a file they cannot
 * parse (and so would keep the app from starting). Run by every host before it builds its store.
 * Under the settings lock, a file that cannot be parsed is moved to `quarantine/` (defaults are
 * used); invalid digest templates are copied there and dropped from the file (the default
 * template is used). Temporary files a crashed write left are removed.
 */
export async function prepareSettingsFile(dataDir: string, now: Date): Promise<EarlyProblem[]> {
  const path = join(dataDir, 'settings.json');
  await mkdir(dataDir, { recursive: true });
  await removeLeftovers(dataDir, now);
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null || verdictOf(text) === 'ok') return [];
  return withStoreLock(settingsLockPath(dataDir), async () => {
    // Read again under the lock: a writer replacing the file never leaves it half written.
    const again = await readFile(path, 'utf8').catch(() => null);
    const verdict = again === null ? 'ok' : verdictOf(again);
    if (verdict === 'ok') return [];
    const folder = join(dataDir, 'quarantine');
    if (verdict === 'unreadable') {
      const target = await quarantine(folder, path, now);
      return [{ what: 'Your settings', file: target, then: 'the defaults are used' }];
    }
    await mkdir(folder, { recursive: true });
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

function verdictOf(text: string): 'ok' | 'unreadable' | 'templates' {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'unreadable';
  }
  if (!isObject(raw)) return 'unreadable';
  return readSettings(raw).invalid.includes('digestTemplates') ? 'templates' : 'ok';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
