import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { Draft, DraftSummary } from '../../../shared/model/draft';
import { quarantine } from '../fs/quarantine';
import { storageFailure } from '../fs/storage-failure';
import { storeLockPath, withStoreLock } from '../fs/store-lock';
import type { Logger } from '../platform/logger';
import { searchTextOf, type IndexEntry } from './draft-index';
import { summaryOf } from './draft-summary';
import type { DraftPaths } from './draft-paths';
import { htmlToText } from './draft-text';
import { createIndexFile, IndexDb, isDamage } from './index-db';

/**
 * Stamps read at a time by the folder check: 1-2 ms of a busy core each at 50,000 drafts (2,000
 * took 5-6 ms, which a search typed meanwhile waits out).
 */
const STAMPS_PIECE = 1000;

export interface IndexStoreDeps {
  paths: DraftPaths;
  logger: Logger;
  now: () => Date;
  /**
   * How long after the last save the search text of saved drafts is extracted (coalesced); while
   * saves keep coming, it waits at most ten times as long.
   */
  flushDelayMs: number;
  /** The index file was damaged and set aside (with its time-stamped path); a new one is empty. */
  onQuarantined: (files: string[]) => void;
  /** Fills a new, empty index from the drafts, when one replaced a file found damaged mid-run. */
  rebuild: () => Promise<unknown>;
}

/**
 * The drafts index: the list rows and the search index in one SQLite file (`drafts/index.sqlite`,
 * see docs/data.md), shared by every process on the folder. The draft files are the truth: the
 * index is derived, a row records the stamp of the draft.json it was made from, and what
 * disagrees is rebuilt from the drafts. A damaged file is set aside and rebuilt like every other
 * derived file. A save writes its row at once (under the draft's lock, so rows follow the files'
 * order); the body's text is extracted later, off the autosave path. This process never holds
 * the search text: it waits here only between a save and its extraction.
 */
export class IndexStore {
  private db: IndexDb | null = null;
  /** Drafts saved since their text was last extracted: done at the next search or flush, not on save. */
  private readonly pendingText = new Map<string, { title: string; html: string; stamp: string }>();
  private timer: NodeJS.Timeout | undefined;
  /** When the oldest text in `pendingText` came: the extraction waits no more than ten delays. */
  private pendingSince: number | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** Whether the rows came from a file made just now: every draft must then be read. */
  fresh = false;

  constructor(private readonly deps: IndexStoreDeps) {}

  private get file(): string {
    return this.deps.paths.index;
  }

  /** Opens the index, creating it (or setting a damaged one aside and creating it) as needed. */
  async open(): Promise<void> {
    if (this.db) return;
    try {
      this.db = new IndexDb(this.file);
      return;
    } catch (error) {
      if (!isMissing(error) && !isDamage(error)) throw error;
    }
    await withStoreLock(storeLockPath(this.deps.paths.dataDir, 'drafts-index'), async () => {
      // Another process may have made (or repaired) it while this one waited.
      try {
        this.db = new IndexDb(this.file);
        return;
      } catch (error) {
        if (isMissing(error)) await this.create();
        else if (isDamage(error)) await this.replaceDamaged(String(error));
        else throw error;
      }
    });
  }

  /** An empty index appears whole or not at all: made under a temporary name and linked into place. */
  private async create(): Promise<void> {
    const temp = join(this.deps.paths.root, `.${basename(this.file)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      createIndexFile(temp);
      try {
        linkSync(temp, this.file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    } finally {
      rmSync(temp, { force: true });
    }
    this.db = new IndexDb(this.file);
    this.fresh = true;
    // The files an earlier Postwright kept the index in are derived too.
    await rm(join(this.deps.paths.root, 'index.json'), { force: true });
    await rm(join(this.deps.paths.root, '.search'), { recursive: true, force: true });
  }

  /** Under the index lock: moves the damaged file (and its write-ahead log) aside, makes a new one. */
  private async replaceDamaged(reason: string): Promise<void> {
    this.db?.close();
    this.db = null;
    const now = this.deps.now();
    const target = await quarantine(this.deps.paths.quarantine, this.file, now);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(this.file + suffix))
        await quarantine(this.deps.paths.quarantine, this.file + suffix, now);
    }
    this.deps.logger.error('the drafts index could not be read; moved it to quarantine and rebuilt it', {
      target,
      reason,
    });
    this.deps.onQuarantined([target]);
    await this.create();
  }

  /**
   * Runs a query; when it finds the file damaged, sets it aside (unless another process already
   * did), starts a new one and runs the query again on it (the caller then rebuilds the rows).
   */
  private async use<T>(query: (db: IndexDb) => T): Promise<T> {
    await this.open();
    try {
      return query(this.db!);
    } catch (error) {
      // Another process held the index's write lock past the wait: name the folder to the author.
      if (String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY'))
        Object.assign(error as Error, { path: this.deps.paths.dataDir });
      if (!isDamage(error)) throw error;
      const opened = this.db!;
      let replaced = false;
      await withStoreLock(storeLockPath(this.deps.paths.dataDir, 'drafts-index'), async () => {
        if (this.db !== opened) return;
        if (sameFile(this.file, opened)) {
          await this.replaceDamaged(String(error));
          replaced = true;
        } else {
          opened.close();
          this.db = null;
          await this.open();
        }
      });
      if (replaced) await this.deps.rebuild();
      return query(this.db!);
    }
  }

  async get(id: string): Promise<IndexEntry | undefined> {
    return this.use((db) => db.get(id));
  }

  /** Every draft's stamp, read in pieces with the event loop let through between them. */
  async stamps(): Promise<Map<string, string>> {
    const stamps = new Map<string, string>();
    for (let after: string | null = ''; after !== null;) {
      if (after !== '') await yieldToEvents();
      const piece = await this.use((db) => db.stampsAfter(after!, STAMPS_PIECE));
      for (const [id, stamp] of piece.stamps) stamps.set(id, stamp);
      after = piece.next;
    }
    return stamps;
  }

  /** Records a draft just written (the caller holds its lock); its text is extracted later. */
  async put(entry: IndexEntry, draft: Pick<Draft, 'title' | 'html'>): Promise<void> {
    await this.use((db) => db.put(entry));
    this.pendingText.set(entry.id, { title: draft.title, html: draft.html, stamp: entry.stamp });
    this.schedule();
  }

  /**
   * Records a draft read by a check of the folders, with its text, while its row still has the
   * stamp the check saw (`expected`, null for none). Returns whether it was written.
   */
  async putChecked(entry: IndexEntry, draft: Draft, expected: string | null): Promise<boolean> {
    const text = searchTextOf(draft.title, htmlToText(draft.html));
    return this.use((db) => db.put(entry, { expected, text }));
  }

  async remove(id: string, expected?: string): Promise<boolean> {
    this.pendingText.delete(id);
    return this.use((db) => db.remove(id, expected));
  }

  async linkedTo(blogId: string, postId: string): Promise<string[]> {
    return this.use((db) => db.linkedTo(blogId, postId));
  }

  /** The list rows, newest edit first, of the drafts or the trash matching every word. */
  async page(
    words: string[],
    trash: boolean,
    readDraft: (id: string) => Promise<Draft | null>,
    offset = 0,
    limit = -1,
  ): Promise<{ items: DraftSummary[]; total: number }> {
    if (words.length > 0) await this.catchUpText(readDraft);
    const { entries, total } = await this.use((db) => db.page(words, trash, offset, limit));
    return { items: entries.map(summaryOf), total };
  }

  /** Every entry of the drafts or the trash, newest edit first. */
  async list(trash: boolean): Promise<IndexEntry[]> {
    return (await this.use((db) => db.page([], trash))).entries;
  }

  /**
   * Before a search: the text of drafts this process saved, and of rows whose text is older than
   * the row (saved by a process that stopped before extracting it), read from their drafts.
   */
  async catchUpText(readDraft: (id: string) => Promise<Draft | null>): Promise<void> {
    await this.applyPendingText();
    for (const { id, stamp } of await this.use((db) => db.waitingForText())) {
      const draft = await readDraft(id);
      if (!draft) continue;
      const text = searchTextOf(draft.title, htmlToText(draft.html));
      // The read may be newer than the row (a save in flight): its own row brings its text.
      await this.use((db) => db.setText(id, stamp, text));
    }
  }

  private async applyPendingText(): Promise<void> {
    const pending = [...this.pendingText];
    this.pendingText.clear();
    for (const [id, { title, html, stamp }] of pending) {
      const text = searchTextOf(title, htmlToText(html));
      await this.use((db) => db.setText(id, stamp, text));
    }
  }

  /** Extracts the text of the drafts saved since; resolves when it is in the index. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingSince = undefined;
    this.flushing = this.flushing
      .then(() => this.applyPendingText())
      .catch((error: unknown) => {
        // Derived: the next search reads what a failed write missed. A full disk is the author's
        // to hear about from the save that failed, not from this.
        const log = storageFailure(error) ? this.deps.logger.info : this.deps.logger.error;
        log('could not update the drafts search index', { message: String(error) });
      });
    return this.flushing;
  }

  async close(): Promise<void> {
    await this.flush();
    this.db?.close();
    this.db = null;
  }

  /**
   * The extraction of a long draft's text takes tens of milliseconds and writes megabytes of search
   * index (25–30 ms and its write-ahead log for a 500 KB draft): it waits for a pause in the saves,
   * so an author typing (autosaving every second or two) pays for it once in ten delays, not at
   * every delay. A search never finds stale text: it takes what is waiting here first, and reads
   * any draft whose text is behind its row.
   */
  private schedule(): void {
    const now = Date.now();
    this.pendingSince ??= now;
    const longest = this.pendingSince + this.deps.flushDelayMs * 10 - now;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), Math.max(0, Math.min(this.deps.flushDelayMs, longest)));
    this.timer.unref();
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/** Whether the file at `path` is still the one `db` opened (not replaced by another process). */
function sameFile(path: string, db: IndexDb): boolean {
  try {
    return statSync(path).ino === db.inode;
  } catch {
    return false;
  }
}
