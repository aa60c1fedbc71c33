import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../platform/logger';
import { storeLockPath } from './store-lock';

/** Long enough to see a write through (lock taken, file replaced, lock released) as one change. */
const SETTLE_MS = 150;

type Handler = (name: string) => Promise<void> | void;

/**
 * Tells a long-lived host (the app) which store another process changed, within a second: every
 * write of every store takes that store's lock in `<dataDir>/.locks/`, so watching that one folder
 * (not every draft's) sees each write come and go, named by its store (`calendar`, `draft-<id>`,
 * …). The handlers re-read only what changed; this process's own writes come through too and find
 * nothing new. Writes are safe without it (every store re-reads under its lock): this only keeps
 * what the author sees up to date.
 */
export class StoreSignals {
  private readonly handlers: { prefix: string; handler: Handler }[] = [];
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private watcher: FSWatcher | null = null;

  constructor(
    dataDir: string,
    private readonly logger: Logger,
  ) {
    const folder = dirname(storeLockPath(dataDir, 'any'));
    try {
      mkdirSync(folder, { recursive: true });
      this.watcher = watch(folder, (_event, filename) => {
        const name = filename ? /^(.+?)\.lock$/.exec(filename.toString())?.[1] : undefined;
        if (name) this.settle(name);
      });
      this.watcher.on('error', (error) => this.stopWatching(error));
    } catch (error) {
      this.stopWatching(error);
    }
  }

  /** Runs `handler(name)` after a write to any store whose lock name starts with `prefix`. Returns its cleanup. */
  on(prefix: string, handler: Handler): () => void {
    const entry = { prefix, handler };
    this.handlers.push(entry);
    return () => {
      const at = this.handlers.indexOf(entry);
      if (at >= 0) this.handlers.splice(at, 1);
    };
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.watcher?.close();
    this.watcher = null;
  }

  private settle(name: string): void {
    if (this.pending.has(name)) return;
    const timer = setTimeout(() => {
      this.pending.delete(name);
      for (const { prefix, handler } of [...this.handlers]) {
        if (!name.startsWith(prefix)) continue;
        Promise.resolve(handler(name)).catch((error: unknown) =>
          this.logger.info('could not reload a store another process changed', {
            store: name,
            message: String(error),
          }),
        );
      }
    }, SETTLE_MS);
    timer.unref();
    this.pending.set(name, timer);
  }

  private stopWatching(error: unknown): void {
    // Without it, changes from other processes show when the window is focused again.
    this.logger.warn('cannot watch the data folder for other processes', { message: String(error) });
    this.watcher?.close();
    this.watcher = null;
  }
}
