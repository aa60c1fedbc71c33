import { dirname } from 'node:path';
import type Conf from 'conf';
import type { DigestTemplate } from '../../../shared/model/digest-template';
import {
  settingsSchema,
  type Settings,
  type SettingsBase,
  type SettingsPatch,
} from '../../../shared/model/settings';
import { withStoreLock } from '../fs/store-lock';
import { readSettings } from './read-settings';
import { settingsLockPath } from './settings-file';
import type { SettingsStore } from './settings-store';

/**
 * Settings kept by a `conf` store: the host passes `conf` itself (browser host, CLI) or
 * electron-store (Electron), which extends it and writes the same settings.json. conf reads the
 * file on every access; a change re-reads it under the settings lock, so a change another process
 * made meanwhile is kept. Unknown or invalid values fall back to their defaults, one by one.
 */
export class ConfSettingsStore implements SettingsStore {
  private readonly lockPath: string;

  constructor(private readonly conf: Conf<Record<string, unknown>>) {
    this.lockPath = settingsLockPath(dirname(conf.path));
  }

  get(): Settings {
    let raw: unknown;
    try {
      raw = this.conf.store;
    } catch {
      raw = {}; // broken since start (another program wrote it): defaults until it is fixed
    }
    return readSettings(raw).settings;
  }

  update(patch: SettingsPatch, base?: SettingsBase): Promise<Settings> {
    return withStoreLock(this.lockPath, async () => {
      const current = this.get();
      const next = settingsSchema.parse({
        ...current,
        ...patch,
        ...(patch.digestTemplates
          ? { digestTemplates: mergeTemplates(current.digestTemplates, patch.digestTemplates, base) }
          : {}),
      });
      this.conf.store = next;
      return next;
    });
  }
}

/**
 * The caller's list of templates, merged by name with the file's: templates the caller removed
 * (in its `base`, not in its list) go; templates another process added since are kept, after
 * the caller's. Without a base the caller's list is taken whole.
 */
export function mergeTemplates(
  onDisk: DigestTemplate[],
  mine: DigestTemplate[],
  base: SettingsBase | undefined,
): DigestTemplate[] {
  if (!base?.templateNames) return mine;
  const seen = new Set([...mine.map((template) => template.name), ...base.templateNames]);
  return [...mine, ...onDisk.filter((template) => !seen.has(template.name))].slice(0, 50);
}
