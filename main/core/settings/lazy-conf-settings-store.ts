import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings, SettingsBase, SettingsPatch } from '../../../shared/model/settings';
import type { ConfSettingsStore } from './conf-settings-store';
import { readSettings } from './settings-file';
import type { SettingsStore } from './settings-store';

/**
 * conf's settings (browser host, CLI) without loading conf until something changes: reading is
 * parsing settings.json, as conf itself does on every access, and most commands only read (or
 * never look). A change loads conf and goes through ConfSettingsStore, under the settings lock.
 */
export class LazyConfSettingsStore implements SettingsStore {
  private store: Promise<ConfSettingsStore> | undefined;

  constructor(private readonly dataDir: string) {}

  get(): Settings {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(this.dataDir, 'settings.json'), 'utf8'));
    } catch {
      raw = {}; // missing, or broken since start (another program wrote it): defaults until it is fixed
    }
    return readSettings(raw).settings;
  }

  async update(patch: SettingsPatch, base?: SettingsBase): Promise<Settings> {
    this.store ??= Promise.all([import('conf'), import('./conf-settings-store')]).then(
      ([{ default: Conf }, { ConfSettingsStore }]) =>
        new ConfSettingsStore(
          new Conf({
            cwd: this.dataDir,
            configName: 'settings',
            projectName: 'postwright',
            configFileMode: 0o600,
          }),
        ),
    );
    return (await this.store).update(patch, base);
  }
}
