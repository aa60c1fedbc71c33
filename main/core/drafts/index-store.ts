import { mkdir, readFile } from 'node:fs/promises';
import type { Draft, DraftSummary } from '../../../shared/model/draft';
import { writeFileAtomic } from '../fs/atomic-write';
import { storageFailure } from '../fs/storage-failure';
import { storeLockPath, withStoreLock } from '../fs/store-lock';
import type { Logger } from '../platform/logger';
import {
  compareEntries,
  INDEX_FORMAT_VERSION,
  searchTextOf,
  shardOf,
  SEARCH_SHARDS,
  summaryOf,
  type IndexEntry,
  type IndexFile,
  type SearchShardFile,
} from './draft-index';
import type { DraftPaths } from './draft-paths';
import { htmlToText } from './draft-text';

type SearchEntry = { stamp: string; text: string };

/**
 * The drafts index in memory, and its files. The draft files are the truth: the index is derived,
 * so its writes are coalesced off the save path (a crash before a flush only makes the next start
 * re-read the drafts whose stamps disagree). index.json holds the list rows; the search text lives
 * in 64 shards read on the first search, so listing never loads every body.
 */
export class IndexStore {
  readonly entries = new Map<string, IndexEntry>();
  /** Search text by draft id, from the shards loaded so far plus what was saved since. */
  private readonly texts = new Map<string, SearchEntry>();
  private readonly loadedShards = new Set<number>();
  /** Drafts saved since their text was last extracted: done at the next search or flush, not on save. */
  private readonly pendingText = new Map<string, { title: string; html: string; stamp: string }>();
  private readonly dirtyShards = new Set<number>();
  private indexDirty = false;
  /** What this process put or removed since its last write of index.json, to merge by draft. */
  private readonly putSinceWrite = new Set<string>();
  private readonly removedSinceWrite = new Set<string>();
  private textsChecked = false;
  private version = 0;
  private lists: Record<'drafts' | 'trash', IndexEntry[] | null> = { drafts: null, trash: null };
  private summaryLists: Record<'drafts' | 'trash', DraftSummary[] | null> = { drafts: null, trash: null };
  private readonly summaries = new WeakMap<IndexEntry, DraftSummary>();
  /** The last search, so typing one more letter searches only what the previous query found. */
  private lastSearch: { version: number; trash: boolean; words: string[]; found: IndexEntry[] } | null = null;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly paths: DraftPaths,
    private readonly logger: Logger,
    private readonly flushDelayMs: number,
  ) {}

  /** Reads index.json; 'unreadable' means it is there but broken (the caller quarantines it). */
  async load(): Promise<'ok' | 'missing' | 'unreadable' | 'outdated'> {
    let text: string;
    try {
      text = await readFile(this.paths.index, 'utf8');
    } catch {
      return 'missing';
    }
    let file: IndexFile;
    try {
      file = JSON.parse(text) as IndexFile;
      if (!Array.isArray(file.entries)) throw new Error('no entries');
    } catch {
      return 'unreadable';
    }
    if (file.formatVersion !== INDEX_FORMAT_VERSION) return 'outdated';
    for (const entry of file.entries) {
      if (entry && typeof entry.id === 'string' && typeof entry.stamp === 'string') {
        this.entries.set(entry.id, entry);
      }
    }
    this.changed();
    return 'ok';
  }

  get(id: string): IndexEntry | undefined {
    return this.entries.get(id);
  }

  /** Records a draft as written. */
  put(entry: IndexEntry, draft: Pick<Draft, 'title' | 'html'>): void {
    this.entries.set(entry.id, entry);
    this.putSinceWrite.add(entry.id);
    this.removedSinceWrite.delete(entry.id);
    this.pendingText.set(entry.id, { title: draft.title, html: draft.html, stamp: entry.stamp });
    this.dirtyShards.add(shardOf(entry.id));
    this.changed();
  }

  remove(id: string): void {
    if (!this.entries.delete(id)) return;
    this.removedSinceWrite.add(id);
    this.putSinceWrite.delete(id);
    this.pendingText.delete(id);
    this.texts.delete(id);
    this.dirtyShards.add(shardOf(id));
    this.changed();
  }

  /** Newest edit first: the drafts, or the trash. */
  list(trash: boolean): IndexEntry[] {
    const key = trash ? 'trash' : 'drafts';
    if (!this.lists[key]) {
      const sorted = [...this.entries.values()].sort(compareEntries);
      this.lists = {
        drafts: sorted.filter((entry) => entry.trashedAt === null),
        trash: sorted.filter((entry) => entry.trashedAt !== null),
      };
    }
    return this.lists[key]!;
  }

  /** The list rows, newest edit first; the same array until something changes. */
  listSummaries(trash: boolean): DraftSummary[] {
    const key = trash ? 'trash' : 'drafts';
    return (this.summaryLists[key] ??= this.summariesOf(this.list(trash)));
  }

  summariesOf(entries: IndexEntry[]): DraftSummary[] {
    return entries.map((entry) => {
      let summary = this.summaries.get(entry);
      if (!summary) this.summaries.set(entry, (summary = summaryOf(entry)));
      return summary;
    });
  }

  /**
   * Drafts whose title and body hold every word. Search entries whose stamp disagrees with the
   * index (a crash before a flush) are rebuilt from their draft first, through `readDraft`.
   */
  async search(
    words: string[],
    trash: boolean,
    readDraft: (id: string) => Promise<Draft | null>,
  ): Promise<IndexEntry[]> {
    await this.loadShards([...Array(SEARCH_SHARDS).keys()]);
    this.applyPendingText();
    // Once every entry has been checked against its shard, each later change brings its own text.
    if (!this.textsChecked) {
      for (const entry of [...this.entries.values()]) {
        if (this.texts.get(entry.id)?.stamp === entry.stamp) continue;
        const draft = await readDraft(entry.id);
        if (draft) {
          this.texts.set(entry.id, {
            stamp: entry.stamp,
            text: searchTextOf(draft.title, htmlToText(draft.html)),
          });
        }
        this.dirtyShards.add(shardOf(entry.id));
        this.schedule();
      }
      this.textsChecked = true;
    }
    const last = this.lastSearch;
    // Every draft that holds "cou" also held "co": a longer query only narrows the last answer.
    const narrows =
      last !== null &&
      last.version === this.version &&
      last.trash === trash &&
      last.words.every((old) => words.some((word) => word.includes(old)));
    const candidates = narrows ? last.found : this.list(trash);
    const found = candidates.filter((entry) => {
      const text = this.texts.get(entry.id)?.text;
      return text !== undefined && words.every((word) => text.includes(word));
    });
    this.lastSearch = { version: this.version, trash, words, found };
    return found;
  }

  /**
   * Writes what changed; resolves when it is on disk. `complete` (on close) also extracts the text
   * of drafts saved since the last search, which the timed writes leave alone so that autosaves
   * never wait behind converting a large body: a shard left stale by a crash is rebuilt on search.
   */
  flush(complete = true): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = this.flushing
      .then(() => this.write(complete))
      .catch((error: unknown) => {
        // Derived files: the next start rebuilds what a failed write missed. A full disk is
        // the author's to hear about from the save that failed, not from this.
        const log = storageFailure(error) ? this.logger.info : this.logger.error;
        log('could not write the drafts index', { message: String(error) });
      });
    return this.flushing;
  }

  private changed(): void {
    this.version += 1;
    this.lists = { drafts: null, trash: null };
    this.summaryLists = { drafts: null, trash: null };
    this.indexDirty = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(false), this.flushDelayMs);
    this.timer.unref();
  }

  private async write(complete: boolean): Promise<void> {
    if (complete) this.applyPendingText();
    const waiting = new Set([...this.pendingText.keys()].map(shardOf));
    const shards = [...this.dirtyShards].filter((shard) => !waiting.has(shard));
    for (const shard of shards) this.dirtyShards.delete(shard);
    // A shard not read yet is read first, so writing it keeps the entries of drafts not changed.
    await this.loadShards(shards);
    if (this.indexDirty) {
      this.indexDirty = false;
      try {
        await withStoreLock(storeLockPath(this.paths.dataDir, 'drafts-index'), () => this.mergeAndWrite());
      } catch (error) {
        this.indexDirty = true;
        throw error;
      }
    }
    if (shards.length === 0) return;
    const groups = new Map<number, SearchShardFile['entries']>(shards.map((shard) => [shard, {}]));
    for (const [id, entry] of this.texts) {
      const group = groups.get(shardOf(id));
      if (group) group[id] = entry;
    }
    await mkdir(this.paths.searchFolder, { recursive: true });
    for (const [shard, entries] of groups) {
      const file: SearchShardFile = { formatVersion: INDEX_FORMAT_VERSION, entries };
      await writeFileAtomic(this.paths.searchShard(shard), JSON.stringify(file));
    }
  }

  /**
   * Writes index.json merged by draft with the file as it is now, so another process's entries
   * (a draft the CLI made) stay: this process's changes since its last write win unless the file
   * holds a newer version of that draft (a larger stamp).
   */
  private async mergeAndWrite(): Promise<void> {
    const merged = (await this.readEntries()) ?? new Map(this.entries);
    for (const id of this.putSinceWrite) {
      const mine = this.entries.get(id);
      const theirs = merged.get(id);
      if (mine && (!theirs || stampValue(mine.stamp) >= stampValue(theirs.stamp))) merged.set(id, mine);
    }
    for (const id of this.removedSinceWrite) if (!this.entries.has(id)) merged.delete(id);
    const put = [...this.putSinceWrite].map((id) => [id, this.entries.get(id)] as const);
    const removed = [...this.removedSinceWrite];
    const file: IndexFile = { formatVersion: INDEX_FORMAT_VERSION, entries: [...merged.values()] };
    await writeFileAtomic(this.paths.index, JSON.stringify(file));
    // Changes made while the file was written wait for the next write.
    for (const [id, entry] of put) if (this.entries.get(id) === entry) this.putSinceWrite.delete(id);
    for (const id of removed) if (!this.entries.has(id)) this.removedSinceWrite.delete(id);
  }

  /** The entries of index.json as it is on disk; null when it is missing, broken or outdated. */
  private async readEntries(): Promise<Map<string, IndexEntry> | null> {
    try {
      const file = JSON.parse(await readFile(this.paths.index, 'utf8')) as IndexFile;
      if (file.formatVersion !== INDEX_FORMAT_VERSION || !Array.isArray(file.entries)) return null;
      const entries = new Map<string, IndexEntry>();
      for (const entry of file.entries)
        if (entry && typeof entry.id === 'string' && typeof entry.stamp === 'string')
          entries.set(entry.id, entry);
      return entries;
    } catch {
      return null;
    }
  }

  private applyPendingText(): void {
    for (const [id, pending] of this.pendingText) {
      this.texts.set(id, {
        stamp: pending.stamp,
        text: searchTextOf(pending.title, htmlToText(pending.html)),
      });
    }
    this.pendingText.clear();
  }

  /** A missing, broken or outdated shard is just empty: its entries are rebuilt from the drafts. */
  private async loadShards(shards: number[]): Promise<void> {
    const wanted = shards.filter((shard) => !this.loadedShards.has(shard));
    const files = await Promise.all(
      wanted.map((shard) => readFile(this.paths.searchShard(shard), 'utf8').catch(() => null)),
    );
    wanted.forEach((shard, i) => {
      if (this.loadedShards.has(shard)) return;
      this.loadedShards.add(shard);
      try {
        const file = JSON.parse(files[i] ?? '') as SearchShardFile;
        if (file.formatVersion !== INDEX_FORMAT_VERSION || typeof file.entries !== 'object') return;
        for (const [id, entry] of Object.entries(file.entries ?? {})) {
          // What was saved since this shard was written is newer than the file.
          if (this.entries.has(id) && !this.texts.has(id) && typeof entry?.text === 'string') {
            this.texts.set(id, entry);
          }
        }
      } catch {
        // Rebuilt on demand, entry by entry.
      }
    });
  }
}

/** A stamp (draft.json's modification time in ns) as a number to compare; 0 when it is not one. */
function stampValue(stamp: string): bigint {
  try {
    return BigInt(stamp);
  } catch {
    return 0n;
  }
}
