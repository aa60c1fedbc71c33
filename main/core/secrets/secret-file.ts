import { chmod, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import { storeLockPath, withStoreLock } from '../fs/store-lock';

/**
 * A small JSON map on disk, readable only by the user (0600), changed by read-modify-write under
 * the secrets lock shared with other processes (so two concurrent changes cannot lose each other)
 * and replaced crash-safely. Secret stores keep their values here, plain or encrypted.
 */
export class SecretFile {
  private readonly lockPath: string;

  constructor(readonly path: string) {
    this.lockPath = storeLockPath(dirname(path), 'secrets');
  }

  async read(): Promise<Record<string, string>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.path, 'utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  put(key: string, value: string): Promise<void> {
    return this.change((all) => ({ ...all, [key]: value }));
  }

  remove(key: string): Promise<void> {
    return this.change((all) => Object.fromEntries(Object.entries(all).filter(([name]) => name !== key)));
  }

  private change(update: (all: Record<string, string>) => Record<string, string>): Promise<void> {
    return withStoreLock(this.lockPath, async () => {
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.path, JSON.stringify(update(await this.read()), null, 2), {
        mode: 0o600,
      });
      await chmod(this.path, 0o600);
    });
  }
}
