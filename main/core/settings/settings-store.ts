import type { Settings, SettingsBase, SettingsPatch } from '../../../shared/model/settings';

/** Each host provides one: electron-store in Electron, conf (same file format) elsewhere. */
export interface SettingsStore {
  /**
   * Read from the file each time, so another process's change shows at once. A store with `load`
   * answers once that has resolved (the core awaits it before any domain or settings call).
   */
  get(): Settings;
  /** Loads what `get` needs, for a store that keeps its schemas off the host's start. */
  load?(): Promise<void>;
  /**
   * A read-modify-write of the file under the settings lock; `base` (the template names the
   * caller last saw) keeps the templates another process added meanwhile.
   */
  update(patch: SettingsPatch, base?: SettingsBase): Promise<Settings>;
}
