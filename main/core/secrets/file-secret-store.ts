import { join } from 'node:path';
import type { SecretStoreInfo } from '../../../shared/model/app-info';
import type { SecretStore } from './secret-store';
import { SecretFile } from './secret-file';

/**
 * Secrets for hosts without an OS keyring (browser host, CLI): a JSON file only the user can read
 * (mode 0600). It is not encryption, and `info` says so, so the app can tell the author.
 */
export class FileSecretStore implements SecretStore {
  readonly info: SecretStoreInfo;
  private readonly file: SecretFile;

  /** `noKeyring`: why no system keyring could be used, said to the author with the weaker choice. */
  constructor(dataDir: string, noKeyring?: string) {
    this.file = new SecretFile(join(dataDir, 'secrets.json'));
    this.info = {
      kind: 'file',
      secure: false,
      description: noKeyring
        ? `No system keyring could be used (${noKeyring}), so passwords and tokens are kept unencrypted in ${this.file.path}, readable only by your user account. That is weaker than a keyring: start one (GNOME Keyring, KWallet) and Postwright moves them there.`
        : `Passwords and tokens are kept unencrypted in ${this.file.path}, readable only by your user account. The desktop app keeps them in the system keychain instead.`,
    };
  }

  get path(): string {
    return this.file.path;
  }

  /** Every secret the file holds (to move them into a keyring). */
  all(): Promise<Record<string, string>> {
    return this.file.read();
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.file.read())[key];
  }

  set(key: string, value: string): Promise<void> {
    return this.file.put(key, value);
  }

  delete(key: string): Promise<void> {
    return this.file.remove(key);
  }

  async keys(): Promise<string[]> {
    return Object.keys(await this.file.read());
  }
}
