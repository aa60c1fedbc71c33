import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings, SettingsBase, SettingsPatch } from '../../../shared/model/settings';
import type { ConfSettingsStore } from './conf-settings-store';
import type { readSettings } from './read-settings';
import type { SettingsStore } from './settings-store';

/**
 * conf's settings (browser host, CLI) without loading conf until something changes: reading is
 * parsing settings.json, as conf itself does on every access, and most commands only read (or
 * never look). A change loads conf and goes through ConfSettingsStore, under the settings lock.
 * The settings' schemas (zod) load with the core's first domain or call (see `load`), not at start.
 */
export class LazyConfSettingsStore implements SettingsStore {
  private store: Promise<ConfSettingsStore> | undefined;
  private read: typeof readSettings | undefined;
  private loading: Promise<void> | undefined;

  constructor(private readonly dataDir: string) {}

  load(): Promise<void> {
    return (this.loading ??= import('./read-settings').then((module) => {
      this.read = module.readSettings;
    }));
  }

  get(): Settings {
    if (!this.read) throw new Error('The settings were read before load() finished.');
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(this.dataDir, 'settings.json'), 'utf8'));
    } catch {
      raw = {}; // missing, or broken since start (another program wrote it): defaults until it is fixed
    }
    return this.read(raw).settings;
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
