import { mkdir, open, readFile, readdir, rename, rm, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bookmark } from '../../../shared/model/bookmark';
import { writeFileAtomic } from '../fs/atomic-write';
import type { Logger } from '../platform/logger';

export interface LastDigest {
  draftId: string;
  from: string;
  to: string;
  createdAt: string;
}

type JournalEntry = { op: 'put'; bookmark: Bookmark } | { op: 'digest'; lastDigest: LastDigest };

interface Snapshot {
  format: 'postwright-inbox';
  version: 1;
  generation: number;
  savedAt: string;
  lastDigest: LastDigest | null;
  bookmarks: Bookmark[];
}

/** Compact once the journal holds this many bytes: replaying it on start stays quick. */
const COMPACT_AFTER_BYTES = 2 * 1024 * 1024;
/** Deleted links stay restorable (undo) this long; compaction forgets them after. */
const KEEP_DELETED_MS = 24 * 60 * 60 * 1000;

/**
 * The inbox on disk: a snapshot (`snapshot.json`, replaced crash-safely) plus an append-only journal
 * of changes since (`journal-<generation>.jsonl`, one JSON line per change, fsynced). Adding a link
 * appends one line, however big the inbox; compaction folds the journal into a new snapshot.
 * A line torn by a crash was never acknowledged and is cut off on the next start. Another process
 * on the same folder (the CLI beside the app) is picked up before every read or write.
 * Format: docs/data.md.
 */
export class InboxStore {
  private readonly bookmarks = new Map<string, Bookmark>();
  private readonly keys = new Map<string, string>();
  private generation = 0;
  private journalOffset = 0;
  private snapshotStamp = '';
  private queue: Promise<unknown> = Promise.resolve();
  private reloads = 0;
  /** Goes up with every change applied, so readers can keep derived lists until it moves. */
  version = 0;
  lastDigest: LastDigest | null = null;

  private constructor(
    private readonly dir: string,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  static async open(dir: string, logger: Logger, now: () => Date): Promise<InboxStore> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const store = new InboxStore(dir, logger, now);
    await store.reload();
    return store;
  }

  get size(): number {
    return this.bookmarks.size;
  }

  all(): IterableIterator<Bookmark> {
    return this.bookmarks.values();
  }

  get(id: string): Bookmark | undefined {
    return this.bookmarks.get(id);
  }

  byKey(key: string): Bookmark | undefined {
    const id = this.keys.get(key);
    return id ? this.bookmarks.get(id) : undefined;
  }

  /** Picks up what another process wrote since; call before answering from memory. */
  refresh(): Promise<void> {
    return this.serial(() => this.catchUp());
  }

  /**
   * Durably records changed links (and the last digest): visible to reads at once, resolved once
   * on disk. Writes are applied in call order, so a later edit always wins.
   */
  write(bookmarks: Bookmark[], lastDigest?: LastDigest): Promise<void> {
    const entries: JournalEntry[] = bookmarks.map((bookmark) => ({ op: 'put', bookmark }));
    if (lastDigest) entries.push({ op: 'digest', lastDigest });
    for (const entry of entries) this.apply(entry);
    if (entries.length === 0) return Promise.resolve();
    const lines = entries.map((entry) => JSON.stringify(entry));
    const reloadsAtCall = this.reloads;
    return this.serial(async () => {
      await this.catchUp();
      const text = lines.join('\n') + '\n';
      const before = this.journalOffset;
      const file = await open(this.journalPath(), 'a', 0o600);
      try {
        await file.appendFile(text);
        await file.sync();
      } finally {
        await file.close();
      }
      const ours = Buffer.byteLength(text);
      const size = (await stat(this.journalPath())).size;
      if (size === before + ours) this.journalOffset = size;
      // Another process appended at the same time: apply its lines, not ours again.
      else await this.catchUp(new Set(lines));
      // Another process compacted meanwhile and memory was rebuilt from disk without these changes.
      if (this.reloads !== reloadsAtCall) for (const entry of entries) this.reapply(entry);
      if (this.journalOffset > COMPACT_AFTER_BYTES) await this.compact();
    });
  }

  /** Folds the journal into a new snapshot. Runs on its own when the journal grows; tests call it too. */
  compactNow(): Promise<void> {
    return this.serial(() => this.compact());
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private journalPath(generation = this.generation): string {
    return join(this.dir, `journal-${generation}.jsonl`);
  }

  private get snapshotPath(): string {
    return join(this.dir, 'snapshot.json');
  }

  private apply(entry: JournalEntry): void {
    this.version++;
    if (entry.op === 'digest') {
      this.lastDigest = entry.lastDigest;
      return;
    }
    const { bookmark } = entry;
    const previous = this.bookmarks.get(bookmark.id);
    if (previous && previous.key !== bookmark.key && this.keys.get(previous.key) === bookmark.id) {
      this.keys.delete(previous.key);
    }
    this.bookmarks.set(bookmark.id, bookmark);
    this.keys.set(bookmark.key, bookmark.id);
  }

  private async stampOf(path: string): Promise<string> {
    const info = await stat(path).catch(() => null);
    return info ? `${info.ino}:${info.mtimeMs}:${info.size}` : '';
  }

  private reapply(entry: JournalEntry): void {
    if (entry.op === 'put') {
      const now = this.bookmarks.get(entry.bookmark.id);
      if (now && now.updatedAt > entry.bookmark.updatedAt) return;
    }
    this.apply(entry);
  }

  private async reload(): Promise<void> {
    this.reloads++;
    this.version++;
    this.bookmarks.clear();
    this.keys.clear();
    this.lastDigest = null;
    this.generation = 0;
    this.journalOffset = 0;
    this.snapshotStamp = await this.stampOf(this.snapshotPath);
    const text = await readFile(this.snapshotPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (text !== null) {
      try {
        const snapshot = JSON.parse(text) as Snapshot;
        if (snapshot.format !== 'postwright-inbox' || !Array.isArray(snapshot.bookmarks)) {
          throw new Error('not an inbox snapshot');
        }
        this.generation = snapshot.generation;
        this.lastDigest = snapshot.lastDigest;
        for (const bookmark of snapshot.bookmarks) this.apply({ op: 'put', bookmark });
      } catch (error) {
        await this.quarantine(this.snapshotPath, String(error));
      }
    }
    await this.cutTornLine();
    await this.catchUp();
    await this.removeStaleJournals();
  }

  /** Applies journal lines written since we last looked (by us or another process). */
  private async catchUp(skip?: Set<string>): Promise<void> {
    if ((await this.stampOf(this.snapshotPath)) !== this.snapshotStamp) {
      // Another process compacted: start again from its snapshot.
      await this.reload();
      return;
    }
    const info = await stat(this.journalPath()).catch(() => null);
    if (!info || info.size <= this.journalOffset) return;
    const file = await open(this.journalPath(), 'r');
    try {
      const length = info.size - this.journalOffset;
      const buffer = Buffer.alloc(length);
      await file.read(buffer, 0, length, this.journalOffset);
      const complete = buffer.lastIndexOf(0x0a) + 1;
      for (const line of buffer.subarray(0, complete).toString('utf8').split('\n')) {
        if (!line || skip?.has(line)) continue;
        try {
          this.apply(JSON.parse(line) as JournalEntry);
        } catch {
          this.logger.warn('skipped an unreadable inbox journal line', { length: line.length });
        }
      }
      this.journalOffset += complete;
    } finally {
      await file.close();
    }
  }

  /** A crash mid-append leaves a last line without its newline: it was never acknowledged, so drop it. */
  private async cutTornLine(): Promise<void> {
    const path = this.journalPath();
    const data = await readFile(path).catch(() => null);
    if (!data || data.length === 0 || data[data.length - 1] === 0x0a) return;
    const keep = data.lastIndexOf(0x0a) + 1;
    this.logger.warn('cut a torn line off the inbox journal', { bytes: data.length - keep });
    await truncate(path, keep);
  }

  private async compact(): Promise<void> {
    await this.catchUp();
    const cutoff = this.now().getTime() - KEEP_DELETED_MS;
    const keep = [...this.bookmarks.values()].filter(
      (bookmark) => !bookmark.deletedAt || Date.parse(bookmark.deletedAt) > cutoff,
    );
    const old = this.generation;
    const snapshot: Snapshot = {
      format: 'postwright-inbox',
      version: 1,
      generation: old + 1,
      savedAt: this.now().toISOString(),
      lastDigest: this.lastDigest,
      bookmarks: keep,
    };
    await writeFileAtomic(this.snapshotPath, JSON.stringify(snapshot));
    // From here the new snapshot holds everything; the old journal is history.
    this.generation = old + 1;
    this.journalOffset = 0;
    this.snapshotStamp = await this.stampOf(this.snapshotPath);
    this.version++;
    const kept = new Set(keep);
    for (const [id, bookmark] of this.bookmarks) {
      if (!kept.has(bookmark)) {
        this.bookmarks.delete(id);
        if (this.keys.get(bookmark.key) === id) this.keys.delete(bookmark.key);
      }
    }
    await rm(this.journalPath(old), { force: true });
  }

  private async removeStaleJournals(): Promise<void> {
    for (const name of await readdir(this.dir)) {
      const match = /^journal-(\d+)\.jsonl$/.exec(name);
      if (match && Number(match[1]) < this.generation) await rm(join(this.dir, name), { force: true });
    }
  }

  private async quarantine(path: string, reason: string): Promise<void> {
    const folder = join(this.dir, 'quarantine');
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const target = join(folder, `snapshot-${Date.now()}.json`);
    await rename(path, target);
    this.logger.error('the inbox snapshot could not be read and was set aside', { target, reason });
  }
}
