import { randomBytes } from 'node:crypto';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CoreFailure } from '../../../shared/contract/errors';
import type {
  Draft,
  DraftFields,
  DraftSave,
  DraftStatus,
  DraftSummary,
  RemotePost,
} from '../../../shared/model/draft';
import type { EventBus } from '../events/event-bus';
import { syncFolder, writeFileAtomic } from '../fs/atomic-write';
import { removeLeftovers } from '../fs/leftovers';
import { storeLockPath, withStoreLock } from '../fs/store-lock';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { addAsset, assetFileFor } from './draft-assets';
import { serializeDraft } from './draft-file';
import { DraftReader, notFound } from './draft-reader';
import { entryOf, summaryOf, wordCountOf } from './draft-index';
import { DraftPaths, isDraftId } from './draft-paths';
import { DraftRevisions } from './draft-revisions';
import type { DraftStore } from './draft-store';
import { queryWords } from './draft-text';
import { sanitizeHtml } from './html-sanitize';
import { IndexStore } from './index-store';
import { loadIndex, verifyIndex, type OpenIndexOptions } from './open-index';

export interface DraftLibraryDeps {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  /** How long index writes are coalesced after a change (tests and the CLI flush on close). */
  indexFlushDelayMs?: number;
  /**
   * Whether the first list may answer from the index before the folder check (a long-lived app,
   * which then receives corrections as events). A one-shot command has no events to wait for, so it
   * lists only what the check confirms: drafts another process saved a moment ago included.
   */
  listBeforeCheck?: boolean;
}

export interface ListOptions {
  query?: string;
  trash?: boolean;
}

/**
 * The drafts library: one folder per draft (see docs/data.md), written crash-safely, with an index
 * for listing and search. Every change of a draft is a read-modify-write under that draft's lock,
 * shared with other processes on the folder (the CLI beside the app): it re-reads draft.json, so
 * what another process recorded (published, trashed) is never overwritten by a stale copy.
 * Different drafts change in parallel.
 */
export class DraftLibrary implements DraftStore {
  readonly paths: DraftPaths;
  readonly revisions: DraftRevisions;
  private readonly index: IndexStore;
  private readonly reader: DraftReader;
  private readonly loaded: Promise<boolean>;
  /** Resolves once the index agrees with the draft folders. */
  readonly ready: Promise<void>;
  private readonly openOptions: OpenIndexOptions;
  private rechecking: Promise<number> | null = null;
  /** Drafts whose folder was checked for temporary files a crashed save left (once per process). */
  private readonly swept = new Set<string>();

  constructor(private readonly deps: DraftLibraryDeps) {
    this.paths = new DraftPaths(deps.dataDir);
    this.revisions = new DraftRevisions(this.paths);
    this.index = new IndexStore(this.paths, deps.logger, deps.indexFlushDelayMs ?? 3000);
    this.reader = new DraftReader(this.paths, this.index, deps);
    const options: OpenIndexOptions = {
      paths: this.paths,
      index: this.index,
      logger: deps.logger,
      now: () => deps.clock.now(),
      readForIndex: (id) => this.reader.readForIndex(id),
      onQuarantined: (files, folder) => deps.events.emit('drafts-quarantined', { files, folder }),
      onChanged: (entry) => deps.events.emit('draft-changed', summaryOf(entry)),
      onRemoved: (ids) => deps.events.emit('drafts-removed', { ids }),
    };
    // The list can show the index as soon as it is read; the folder check runs after it and pushes
    // any correction as events. Everything else waits for the check.
    this.openOptions = options;
    this.loaded = loadIndex(options);
    this.ready = this.loaded.then(async () => {
      await verifyIndex(options);
    });
    this.loaded.catch(() => undefined);
    // Failures surface on the first call; this only keeps an unawaited rejection from crashing the host.
    this.ready.catch(() => undefined);
  }

  /**
   * Checks the folders again for drafts another process (the CLI) made, changed or removed, and
   * pushes what changed as events. As cheap as the check at open: one stat per draft, reads only
   * what disagrees. Calls while one runs share it. Resolves to how many drafts changed.
   */
  recheck(): Promise<number> {
    this.rechecking ??= this.ready
      .then(() => verifyIndex({ ...this.openOptions, forDraft: (id, work) => this.locked(id, work) }))
      .finally(() => {
        this.rechecking = null;
      });
    return this.rechecking;
  }

  /**
   * Another process changed (or made, or erased) draft `id`: brings the index up to date with its
   * folder and pushes the change. Takes no lock (draft.json is always whole), so watching the
   * locks folder never feeds on itself.
   */
  async changedElsewhere(id: string): Promise<void> {
    if (!isDraftId(id)) return;
    await this.ready;
    const stamp = await this.reader.stampOf(id).catch(() => null);
    if (stamp === null && !(await this.reader.folderExists(id))) {
      if (!this.index.get(id)) return;
      this.index.remove(id);
      this.revisions.forget(id);
      this.deps.events.emit('drafts-removed', { ids: [id] });
      return;
    }
    if (this.index.get(id)?.stamp === stamp) return;
    const read = await this.reader.readForIndex(id);
    if (!read || this.index.get(id)?.stamp === read.stamp) return;
    const entry = entryOf(read.draft, read.stamp);
    this.index.put(entry, read.draft);
    this.deps.events.emit('draft-changed', summaryOf(entry));
  }

  async list(options: ListOptions = {}): Promise<DraftSummary[]> {
    // A copy: callers on an in-memory transport get the array itself and may change it.
    return (await this.matching(options)).slice();
  }

  /** `limit` rows of `list` from `offset` on, and how many there are in all. */
  async page(
    options: ListOptions,
    offset: number,
    limit: number,
  ): Promise<{ items: DraftSummary[]; total: number }> {
    const all = await this.matching(options);
    return { items: all.slice(offset, offset + limit), total: all.length };
  }

  /** Newest edit first; the unfiltered list is the index's own cached array, so callers must not change it. */
  private async matching(options: ListOptions): Promise<readonly DraftSummary[]> {
    const words = queryWords(options.query ?? '');
    const trash = options.trash ?? false;
    const usable = await this.loaded;
    if (!usable || words.length > 0 || this.deps.listBeforeCheck === false) await this.ready;
    if (words.length === 0) return this.index.listSummaries(trash);
    const found = await this.index.search(words, trash, (id) => this.reader.readOrNull(id));
    return this.index.summariesOf(found);
  }

  async get(id: string): Promise<Draft> {
    await this.ready;
    await this.sweepOnce(id);
    return this.reader.read(id);
  }

  /**
   * A save killed halfway leaves a temporary file beside draft.json (the draft itself is whole);
   * it is removed, once old, the first time this process opens or changes that draft.
   */
  private async sweepOnce(id: string): Promise<void> {
    if (this.swept.has(id) || !isDraftId(id)) return;
    this.swept.add(id);
    await removeLeftovers(this.paths.folder(id), this.deps.clock.now());
  }

  async create(input: Partial<DraftFields> & { html?: string }): Promise<Draft> {
    await this.ready;
    const now = this.deps.clock.now().toISOString();
    // HTML from outside the editor (CLI, import, digests, pulled posts) is sanitised on the way in.
    const html = input.html ? sanitizeHtml(input.html) : '';
    const draft: Draft = {
      id: newDraftId(),
      title: input.title ?? '',
      slug: input.slug ?? '',
      excerpt: input.excerpt ?? '',
      tags: input.tags ?? [],
      categories: input.categories ?? [],
      publishAt: input.publishAt ?? null,
      blogId: input.blogId ?? null,
      editorState: null,
      html,
      createdAt: now,
      updatedAt: now,
      status: 'draft',
      statusMessage: null,
      remote: null,
      wordCount: wordCountOf(html),
      trashedAt: null,
    };
    await this.writeNewFolder(draft);
    return draft;
  }

  /**
   * The autosave path: one crash-safe write of draft.json; the index catches up off this path.
   * Publish state and trash come from the file as it is now, never from this process's memory.
   */
  save(input: DraftSave): Promise<DraftSummary> {
    return this.locked(input.id, async () => {
      const onDisk = await this.reader.read(input.id);
      const now = this.deps.clock.now();
      const { editorWordCount, ...fields } = input;
      const wordCount = editorWordCount ?? wordCountOf(input.html);
      const draft: Draft = {
        ...fields,
        createdAt: onDisk.createdAt,
        updatedAt: now.toISOString(),
        status: onDisk.status,
        statusMessage: onDisk.statusMessage,
        remote: onDisk.remote,
        wordCount,
        trashedAt: onDisk.trashedAt,
      };
      await this.revisions.maybeKeep(draft, now);
      return this.write(draft);
    });
  }

  setStatus(id: string, status: DraftStatus, message: string | null = null): Promise<DraftSummary> {
    return this.update(id, (draft) => ({ ...draft, status, statusMessage: message }));
  }

  setRemote(id: string, remote: RemotePost | null, status?: DraftStatus): Promise<DraftSummary> {
    return this.update(id, (draft) => ({
      ...draft,
      remote,
      ...(status ? { status, statusMessage: null } : {}),
    }));
  }

  async linkedTo(blogId: string, postId: string): Promise<string[]> {
    await this.ready;
    return [...this.index.entries.values()]
      .filter((entry) => entry.remote?.blogId === blogId && entry.remote.postId === postId)
      .map((entry) => entry.id);
  }

  trash(id: string): Promise<DraftSummary> {
    return this.update(id, (draft) => ({
      ...draft,
      trashedAt: draft.trashedAt ?? this.deps.clock.now().toISOString(),
    }));
  }

  restore(id: string): Promise<DraftSummary> {
    return this.update(id, (draft) => ({ ...draft, trashedAt: null }));
  }

  /** Erases every draft in the trash, with its assets and revisions. Returns how many. */
  async emptyTrash(): Promise<number> {
    await this.ready;
    const erased: string[] = [];
    for (const entry of [...this.index.list(true)]) {
      await this.locked(entry.id, async () => {
        // Another process may have restored it meanwhile: the file decides, not the index.
        const current = await this.reader.readOrNull(entry.id);
        if (!current || current.trashedAt === null) return;
        // Renamed first, so a crash halfway through erasing never leaves half a draft under its id.
        const doomed = join(this.paths.root, `.erasing-${entry.id}-${randomBytes(4).toString('hex')}`);
        await rename(this.paths.folder(entry.id), doomed);
        await syncFolder(this.paths.root);
        this.index.remove(entry.id);
        this.revisions.forget(entry.id);
        await rm(doomed, { recursive: true, force: true });
        erased.push(entry.id);
      });
    }
    if (erased.length > 0) this.deps.events.emit('drafts-removed', { ids: erased });
    return erased.length;
  }

  /** A new draft with the same content and fields, its images copied; publish state starts afresh. */
  async duplicate(id: string): Promise<Draft> {
    const source = await this.get(id);
    const now = this.deps.clock.now().toISOString();
    const copyId = newDraftId();
    const moveAssets = (text: string) =>
      text.split(`/drafts/${id}/assets/`).join(`/drafts/${copyId}/assets/`);
    const copy: Draft = {
      ...source,
      id: copyId,
      title: source.title ? `${source.title} (copy)` : '',
      html: moveAssets(source.html),
      editorState: source.editorState === null ? null : moveAssets(source.editorState),
      createdAt: now,
      updatedAt: now,
      status: 'draft',
      statusMessage: null,
      remote: null,
      trashedAt: null,
    };
    await this.writeNewFolder(copy, this.paths.assets(id));
    return copy;
  }

  /** Brings back a revision; the current version is kept as a revision first, so nothing is lost. */
  restoreRevision(id: string, revisionId: string): Promise<Draft> {
    return this.locked(id, async () => {
      const current = await this.reader.read(id);
      const old = await this.revisions.read(id, revisionId);
      if (!old) {
        throw new CoreFailure(
          'not-found',
          `Draft ${id} has no revision ${revisionId}. List its revisions again.`,
        );
      }
      const now = this.deps.clock.now();
      await this.revisions.maybeKeep(current, now, true);
      const restored: Draft = {
        ...current,
        title: old.title,
        slug: old.slug,
        excerpt: old.excerpt,
        tags: old.tags,
        categories: old.categories,
        publishAt: old.publishAt,
        blogId: old.blogId,
        editorState: old.editorState,
        html: old.html,
        wordCount: old.wordCount,
        updatedAt: now.toISOString(),
      };
      await this.write(restored);
      return restored;
    });
  }

  async addAsset(input: {
    id: string;
    filename: string;
    mimeType: string;
    dataBase64: string;
  }): Promise<{ src: string }> {
    await this.ready;
    if (!isDraftId(input.id) || !this.index.get(input.id)) throw notFound(input.id);
    return addAsset(this.paths, input);
  }

  assetFile(id: string, src: string): string | null {
    return assetFileFor(this.paths, id, src);
  }

  /** Writes the index now (on quit, and before a CLI command exits). */
  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.index.flush();
  }

  private update(id: string, change: (draft: Draft) => Draft): Promise<DraftSummary> {
    return this.locked(id, async () => this.write(change(await this.reader.read(id))));
  }

  private async write(draft: Draft): Promise<DraftSummary> {
    await writeFileAtomic(this.paths.file(draft.id), serializeDraft(draft));
    const entry = entryOf(draft, await this.reader.stampOf(draft.id));
    this.index.put(entry, draft);
    const summary = summaryOf(entry);
    this.deps.events.emit('draft-changed', summary);
    return summary;
  }

  /** A new draft is assembled in a hidden folder and renamed into place, so it appears whole or not at all. */
  private writeNewFolder(draft: Draft, assetsFrom?: string): Promise<void> {
    return this.locked(draft.id, () => this.assembleNewFolder(draft, assetsFrom));
  }

  private async assembleNewFolder(draft: Draft, assetsFrom?: string): Promise<void> {
    const building = join(this.paths.root, `.creating-${draft.id}`);
    try {
      await mkdir(join(building, 'revisions'), { recursive: true });
      if (assetsFrom)
        await cp(assetsFrom, join(building, 'assets'), { recursive: true, errorOnExist: false });
      await mkdir(join(building, 'assets'), { recursive: true });
      await writeFileAtomic(join(building, 'draft.json'), serializeDraft(draft));
      await rename(building, this.paths.folder(draft.id));
    } catch (error) {
      // A full disk: nothing half-made stays behind.
      await rm(building, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    }
    await syncFolder(this.paths.root);
    const entry = entryOf(draft, await this.reader.stampOf(draft.id));
    this.index.put(entry, draft);
    this.deps.events.emit('draft-changed', summaryOf(entry));
  }

  /** One change of the draft at a time, across processes (see the class comment). */
  private locked<T>(id: string, work: () => Promise<T>): Promise<T> {
    if (!isDraftId(id)) return Promise.reject(notFound(id));
    return this.ready.then(() => withStoreLock(storeLockPath(this.deps.dataDir, `draft-${id}`), work));
  }
}

function newDraftId(): string {
  return `${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;
}
