import type { SecretStoreInfo } from '../../../shared/model/app-info';

/** Passwords and tokens: never in settings. Keys are opaque names such as `blog:<id>:password`. */
export interface SecretStore {
  /** What kind of store it is; a store opened on first use (the keyring probe) answers once open. */
  readonly info: SecretStoreInfo | Promise<SecretStoreInfo>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every key kept, so secrets of blogs a crash left unsaved can be removed on start. */
  keys?(): Promise<string[]>;
}
