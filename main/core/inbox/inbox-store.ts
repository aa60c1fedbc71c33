import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Bookmark } from '../../../shared/model/bookmark';
import { writeFileAtomic } from '../fs/atomic-write';
import { removeLeftovers } from '../fs/leftovers';
import { storeLockPath, withStoreLock } from '../fs/store-lock';
import type { Logger } from '../platform/logger';

export interface LastDigest {
  draftId: string;
  from: string;
  to: string;
  createdAt: string;
}

type JournalEntry = { op: 'put'; bookmark: Bookmark } | { op: 'digest'; lastDigest: LastDigest };

/** What a change writes: links as they now are, and the last digest. */
export interface InboxChange<T> {
  bookmarks: Bookmark[];
  lastDigest?: LastDigest;
  result: T;
}

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
/**
 * How much of a file is compared to tell its versions apart, beyond inode, time and size (which
 * a sync tool rewriting in place, or a file system with coarse times, can leave the same): the
 * snapshot's first bytes (its generation and time of saving), the journal's last bytes read.
 */
const SNAPSHOT_HEAD_BYTES = 160;
const JOURNAL_TAIL_BYTES = 4096;
/** Deleted links stay restorable (undo) this long; compaction forgets them after. */
const KEEP_DELETED_MS = 24 * 60 * 60 * 1000;

/**
 * The inbox on disk: a snapshot (`snapshot.json`, replaced crash-safely) plus an append-only journal
 * of changes since (`journal-<generation>.jsonl`, one JSON line per change, fsynced). Adding a link
 * appends one line, however big the inbox; compaction folds the journal into a new snapshot.
 * Every change and every compaction runs under the inbox's lock, shared with other processes on
 * the folder: a change first reads the lines others wrote, decides on the links as they are now,
 * appends, and only then changes memory. A partial last line (a crash, a full disk) was never
 * acknowledged and is cut off before the next append. Readers pick up other processes' lines
 * before every read. Format: docs/data.md.
 */
export class InboxStore {
  private readonly bookmarks = new Map<string, Bookmark>();
  private readonly keys = new Map<string, string>();
  private generation = 0;
  private journalOffset = 0;
  /** The journal's bytes just before journalOffset, as read: they must still be there. */
  private journalTail = Buffer.alloc(0);
  private snapshotStamp = '';
  private queue: Promise<unknown> = Promise.resolve();
  private readonly lockPath: string;
  /** Goes up with every change applied, so readers can keep derived lists until it moves. */
  version = 0;
  lastDigest: LastDigest | null = null;

  private constructor(
    private readonly dir: string,
    private readonly logger: Logger,
    private readonly now: () => Date,
    private readonly onQuarantine?: (file: string) => void,
  ) {
    this.lockPath = storeLockPath(dirname(dir), 'inbox');
  }

  static async open(
    dir: string,
    logger: Logger,
    now: () => Date,
    onQuarantine?: (file: string) => void,
  ): Promise<InboxStore> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const store = new InboxStore(dir, logger, now, onQuarantine);
    await store.reload(false);
    await removeLeftovers(dir, now());
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
    return this.serial(() => this.catchUp(false));
  }

  /** Durably records changed links (and the last digest); memory follows once they are on disk. */
  write(bookmarks: Bookmark[], lastDigest?: LastDigest): Promise<void> {
    return this.transact(() => ({ bookmarks, ...(lastDigest ? { lastDigest } : {}), result: undefined }));
  }

  /**
   * A read-modify-write under the inbox lock: `decide` sees the links as they are now (other
   * processes' lines included) and returns what to write; its result is resolved once on disk.
   * Changes are applied in call order, so a later edit always wins.
   */
  transact<T>(decide: (store: InboxStore) => InboxChange<T>): Promise<T> {
    return this.serial(() =>
      withStoreLock(this.lockPath, async () => {
        await this.catchUp(true);
        const change = decide(this);
        const entries: JournalEntry[] = change.bookmarks.map((bookmark) => ({ op: 'put', bookmark }));
        if (change.lastDigest) entries.push({ op: 'digest', lastDigest: change.lastDigest });
        if (entries.length === 0) return change.result;
        await this.append(entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
        for (const entry of entries) this.apply(entry);
        if (this.journalOffset > COMPACT_AFTER_BYTES) {
          // The change is on disk already; a compaction that fails (a full disk) waits for the next one.
          await this.compact().catch((error: unknown) =>
            this.logger.info('the inbox journal was not compacted this time', { message: String(error) }),
          );
        }
        return change.result;
      }),
    );
  }

  /** Folds the journal into a new snapshot. Runs on its own when the journal grows; tests call it too. */
  compactNow(): Promise<void> {
    return this.serial(() =>
      withStoreLock(this.lockPath, async () => {
        await this.catchUp(true);
        await this.compact();
      }),
    );
  }

  /**
   * Under the lock, after catching up: bytes past the last whole line are what a failed or killed
   * append left (never acknowledged), so they are cut before ours go on; a failed append is cut
   * back too, so it can never swallow the next one, and a journal it made is removed again.
   */
  private async append(text: string): Promise<void> {
    const path = this.journalPath();
    const existed = await stat(path).then(
      () => true,
      () => false,
    );
    const file = await open(path, 'a', 0o600);
    let appended = false;
    try {
      if ((await file.stat()).size > this.journalOffset) {
        this.logger.warn('cut a partial line off the inbox journal', {});
        await file.truncate(this.journalOffset);
      }
      await file.appendFile(text);
      await file.sync();
      appended = true;
    } finally {
      if (!appended) await file.truncate(this.journalOffset).catch(() => undefined);
      await file.close();
      if (!appended && !existed) await rm(path, { force: true }).catch(() => undefined);
    }
    this.journalOffset += Buffer.byteLength(text);
    this.keepTail(Buffer.from(text));
  }

  private keepTail(read: Buffer): void {
    const joined = Buffer.concat([this.journalTail, read]);
    this.journalTail = Buffer.from(joined.subarray(Math.max(0, joined.length - JOURNAL_TAIL_BYTES)));
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

  /** Which version of the snapshot is there: inode, time, size and its first bytes. */
  private async stampOf(path: string): Promise<string> {
    const file = await open(path, 'r').catch(() => null);
    if (!file) return '';
    try {
      const info = await file.stat();
      const head = Buffer.alloc(Math.min(SNAPSHOT_HEAD_BYTES, info.size));
      await file.read(head, 0, head.length, 0);
      return `${info.ino}:${info.mtimeMs}:${info.size}:${head.toString('base64')}`;
    } finally {
      await file.close();
    }
  }

  /** Reads the snapshot and the journal again (at open, and when another process compacted). */
  private async reload(locked: boolean): Promise<void> {
    this.version++;
    this.bookmarks.clear();
    this.keys.clear();
    this.lastDigest = null;
    this.generation = 0;
    this.journalOffset = 0;
    this.journalTail = Buffer.alloc(0);
    this.snapshotStamp = await this.stampOf(this.snapshotPath);
    // Read whole, then decoded once: with an encoding, readFile decodes it chunk by chunk and joins
    // the pieces, which took a third of a reopen of 10,000 links (issue 19).
    const bytes = await readFile(this.snapshotPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    const text = bytes?.toString('utf8') ?? null;
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
        // A snapshot is replaced whole, so it is broken, not half written; still, look once more
        // under the lock before setting it aside.
        if (!locked) return withStoreLock(this.lockPath, () => this.reload(true));
        await this.quarantine(this.snapshotPath, String(error));
        // The newest journal still holds the changes made since that snapshot: keep them.
        this.bookmarks.clear();
        this.keys.clear();
        this.generation = Math.max(0, ...(await this.journalGenerations()));
        this.snapshotStamp = await this.stampOf(this.snapshotPath);
      }
    }
    await this.catchUp(locked);
    await this.removeStaleJournals();
  }

  /** Applies journal lines written since we last looked (by us or another process). */
  private async catchUp(locked: boolean): Promise<void> {
    if ((await this.stampOf(this.snapshotPath)) !== this.snapshotStamp) {
      // Another process compacted: start again from its snapshot.
      await this.reload(locked);
      return;
    }
    const size = (await stat(this.journalPath()).catch(() => null))?.size ?? 0;
    // Shorter than what was read: lines of an append then refused (a full disk) and cut back,
    // which this process read without the lock. They were never acknowledged: read it all again.
    if (size < this.journalOffset) return this.reload(locked);
    if (size === 0) return;
    // From the last bytes read: if they changed, the lines read were cut back and others written
    // in their place, even to the same length (so the size alone cannot tell): read it all again.
    const from = this.journalOffset - this.journalTail.length;
    const read = Buffer.alloc(size - from);
    const file = await open(this.journalPath(), 'r');
    try {
      await file.read(read, 0, read.length, from);
    } finally {
      await file.close();
    }
    if (!read.subarray(0, this.journalTail.length).equals(this.journalTail)) return this.reload(locked);
    const buffer = read.subarray(this.journalTail.length);
    const complete = buffer.lastIndexOf(0x0a) + 1;
    for (const line of buffer.subarray(0, complete).toString('utf8').split('\n')) {
      if (!line) continue;
      try {
        this.apply(JSON.parse(line) as JournalEntry);
      } catch {
        this.logger.warn('skipped an unreadable inbox journal line', { length: line.length });
      }
    }
    this.journalOffset += complete;
    this.keepTail(buffer.subarray(0, complete));
  }

  /** Under the lock, caught up: no other process can append between the snapshot and removing the journal. */
  private async compact(): Promise<void> {
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
    this.journalTail = Buffer.alloc(0);
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

  private async journalGenerations(): Promise<number[]> {
    const names = await readdir(this.dir);
    return names.flatMap((name) => {
      const match = /^journal-(\d+)\.jsonl$/.exec(name);
      return match ? [Number(match[1])] : [];
    });
  }

  private async removeStaleJournals(): Promise<void> {
    for (const generation of await this.journalGenerations())
      if (generation < this.generation) await rm(this.journalPath(generation), { force: true });
  }

  private async quarantine(path: string, reason: string): Promise<void> {
    const folder = join(this.dir, 'quarantine');
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const target = join(folder, `snapshot-${Date.now()}.json`);
    await rename(path, target);
    this.logger.error('the inbox snapshot could not be read and was set aside', { target, reason });
    this.onQuarantine?.(target);
  }
}
