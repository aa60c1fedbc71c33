import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { SecretStoreInfo } from '../../../shared/model/app-info';
import { FileSecretStore } from './file-secret-store';
import type { SecretStore } from './secret-store';

/** The part of @napi-rs/keyring's AsyncEntry this store uses. */
export interface KeyringEntry {
  getPassword(signal?: AbortSignal): Promise<string | null>;
  setPassword(password: string, signal?: AbortSignal): Promise<void>;
  deletePassword(signal?: AbortSignal): Promise<boolean>;
}
export type KeyringEntryClass = new (service: string, account: string) => KeyringEntry;

const SERVICE = 'Postwright';
/** A keyring that does not answer in this time is treated as absent (a hung session bus). */
const KEYRING_TIMEOUT_MS = 5000;

/**
 * Secrets in the operating system's keyring (Secret Service on Linux, Keychain on macOS, Credential
 * Manager on Windows) through @napi-rs/keyring: encrypted by the system, unlocked with the login.
 * Each data folder keeps its own entries (the account name carries the folder).
 */
export class KeyringSecretStore implements SecretStore {
  readonly info: SecretStoreInfo = {
    kind: 'os-keyring',
    secure: true,
    description: 'Passwords and tokens are encrypted in your system keyring.',
  };

  constructor(
    private readonly Entry: KeyringEntryClass,
    private readonly dataDir: string,
  ) {}

  private entry(key: string): KeyringEntry {
    return new this.Entry(SERVICE, `${key} (${this.dataDir})`);
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.entry(key).getPassword(AbortSignal.timeout(KEYRING_TIMEOUT_MS))) ?? undefined;
  }

  async set(key: string, value: string): Promise<void> {
    await this.entry(key).setPassword(value, AbortSignal.timeout(KEYRING_TIMEOUT_MS));
  }

  async delete(key: string): Promise<void> {
    await this.entry(key)
      .deletePassword(AbortSignal.timeout(KEYRING_TIMEOUT_MS))
      .catch(() => false);
  }
}

/**
 * The secret store of the browser host and the CLI: the system keyring when one answers a real
 * write, else the 0600 file, whose description then says why it is the weaker choice. Secrets a
 * file holds move into a keyring that has appeared since, and the file goes.
 */
export async function openNodeSecretStore(
  dataDir: string,
  load: () => Promise<{ AsyncEntry: KeyringEntryClass }> = () =>
    import('@napi-rs/keyring') as unknown as Promise<{ AsyncEntry: KeyringEntryClass }>,
): Promise<SecretStore> {
  const file = new FileSecretStore(dataDir);
  let keyring: KeyringSecretStore;
  try {
    keyring = new KeyringSecretStore((await load()).AsyncEntry, dataDir);
    const probe = `probe:${randomBytes(6).toString('hex')}`;
    await keyring.set(probe, 'probe');
    const read = await keyring.get(probe);
    await keyring.delete(probe);
    if (read !== 'probe') throw new Error('it did not give back what was stored');
  } catch (error) {
    return new FileSecretStore(dataDir, reasonOf(error));
  }
  const held = await file.all();
  try {
    for (const [key, value] of Object.entries(held)) {
      await keyring.set(key, value);
      if ((await keyring.get(key)) !== value) throw new Error(`${key} did not read back`);
    }
  } catch (error) {
    return new FileSecretStore(dataDir, `moving them into it failed: ${reasonOf(error)}`);
  }
  if (Object.keys(held).length > 0) await rm(file.path, { force: true });
  return keyring;
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 200);
}
