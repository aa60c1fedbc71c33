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

  constructor(dataDir: string) {
    this.file = new SecretFile(join(dataDir, 'secrets.json'));
    this.info = {
      kind: 'file',
      secure: false,
      description: `Passwords and tokens are kept unencrypted in ${this.file.path}, readable only by your user account. The desktop app keeps them in the system keychain instead.`,
    };
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
