import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import type { SecretStoreInfo } from '../../shared/model/app-info';
import type { SecretStore } from '../core/secrets/secret-store';
import { SecretFile } from '../core/secrets/secret-file';

/** Secrets encrypted with the OS keychain through Electron's safeStorage, kept in secrets.enc.json. */
export class SafeStorageSecretStore implements SecretStore {
  readonly info: SecretStoreInfo;
  private readonly file: SecretFile;

  constructor(
    private readonly safeStorage: SafeStorage,
    dataDir: string,
  ) {
    this.file = new SecretFile(join(dataDir, 'secrets.enc.json'));
    // On Linux without GNOME Keyring or KWallet, safeStorage falls back to a hard-coded key.
    const plain = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
    this.info = plain
      ? {
          kind: 'plain-text-keyring',
          secure: false,
          description:
            'No system keyring was found (such as GNOME Keyring or KWallet), so passwords are only obfuscated, not encrypted. Install a keyring to protect them.',
        }
      : {
          kind: 'os-keyring',
          secure: true,
          description: 'Passwords and tokens are encrypted with your system keychain.',
        };
  }

  async get(key: string): Promise<string | undefined> {
    const stored = (await this.file.read())[key];
    return stored === undefined ? undefined : this.safeStorage.decryptString(Buffer.from(stored, 'base64'));
  }

  set(key: string, value: string): Promise<void> {
    return this.file.put(key, this.safeStorage.encryptString(value).toString('base64'));
  }

  delete(key: string): Promise<void> {
    return this.file.remove(key);
  }

  async keys(): Promise<string[]> {
    return Object.keys(await this.file.read());
  }
}
