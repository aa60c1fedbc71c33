import type { SecretStoreInfo } from '../../../shared/model/app-info';
import type { SecretStore } from './secret-store';

/**
 * A secret store opened on its first use: finding the keyring means a probe write through the
 * system's secret service (85–390 ms here), which `drafts list`, and `serve` before it listens,
 * should not wait for. A failed open is not kept: the next use tries again.
 */
export class LazySecretStore implements SecretStore {
  private opening: Promise<SecretStore> | null = null;

  constructor(private readonly open: () => Promise<SecretStore>) {}

  private get store(): Promise<SecretStore> {
    return (this.opening ??= this.open().catch((error: unknown) => {
      this.opening = null;
      throw error;
    }));
  }

  get info(): Promise<SecretStoreInfo> {
    return this.store.then((store) => store.info);
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.store).get(key);
  }

  async set(key: string, value: string): Promise<void> {
    return (await this.store).set(key, value);
  }

  async delete(key: string): Promise<void> {
    return (await this.store).delete(key);
  }

  async keys(): Promise<string[]> {
    const store = await this.store;
    return store.keys ? store.keys() : [];
  }
}
