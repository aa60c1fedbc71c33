import type { Settings, SettingsPatch } from '../../../shared/model/settings';

/** Each host provides one: electron-store in Electron, conf (same file format) elsewhere. */
export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}
