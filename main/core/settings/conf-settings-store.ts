import type Conf from 'conf';
import { settingsSchema, type Settings, type SettingsPatch } from '../../../shared/model/settings';
import type { SettingsStore } from './settings-store';

/**
 * Settings kept by a `conf` store: the host passes `conf` itself (browser host, CLI) or
 * electron-store (Electron), which extends it and writes the same settings.json. Unknown or
 * invalid values fall back to their defaults.
 */
export class ConfSettingsStore implements SettingsStore {
  constructor(private readonly conf: Conf<Record<string, unknown>>) {}

  get(): Settings {
    const parsed = settingsSchema.safeParse(this.conf.store);
    return parsed.success ? parsed.data : settingsSchema.parse({});
  }

  update(patch: SettingsPatch): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    this.conf.store = next;
    return next;
  }
}
