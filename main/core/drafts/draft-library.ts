import { randomBytes } from 'node:crypto';
import { cp, mkdir, rename, rm, stat } from 'node:fs/promises';
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
import { isSymbolicLink } from '../fs/contained-file';
import { removeLeftovers } from '../fs/leftovers';
import { storeLockPath, withStoreLock } from '../fs/store-lock';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { addAsset, addAssetFromStream, assetFileFor } from './draft-assets';
import { serializeDraft } from './draft-file';
import { DraftReader, fileStamp, notFound, versionOf } from './draft-reader';
import { entryOf, wordCountOf, type IndexEntry } from './draft-index';
import { summaryOf } from './draft-summary';
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
   * Whether the first list or search may answer from the index before the folder check (a
   * long-lived app, which then receives corrections as events and lists again). A one-shot command has no events to wait for, so it
   * lists after checking the folder names against the index: drafts another Postwright saved a
   * moment ago included (a save writes its row first), draft folders added or removed by another
   * program included; a draft.json another program rewrote in place shows from the next full
   * check (the app's start and focus, any change of a draft).
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
  private loading: Promise<boolean> | null = null;
  private checking: Promise<void> | null = null;
  private checkingNames: Promise<void> | null = null;
  private readonly openOptions: OpenIndexOptions;
  private rechecking: Promise<number> | null = null;
  /** The stamp of each draft as this process last listed or pushed it: what another process changed differs. */
  private reported = new Map<string, string>();
  /** Drafts whose folder was checked for temporary files a crashed save left (once per process). */
  private readonly swept = new Set<string>();

  constructor(private readonly deps: DraftLibraryDeps) {
    this.paths = new DraftPaths(deps.dataDir);
    this.revisions = new DraftRevisions(this.paths);
    this.index = new IndexStore({
      paths: this.paths,
      logger: deps.logger,
      now: () => deps.clock.now(),
      flushDelayMs: deps.indexFlushDelayMs ?? 3000,
      onQuarantined: (files) =>
        deps.events.emit('drafts-quarantined', { files, folder: this.paths.quarantine }),
      // Not through locked(): a file found damaged during the check at open must not wait for it.
      rebuild: () =>
        verifyIndex({
          ...this.openOptions,
          forDraft: (id, work) => withStoreLock(storeLockPath(deps.dataDir, `draft-${id}`), work),
        }),
    });
    this.reader = new DraftReader(this.paths, this.index, deps);
    const options: OpenIndexOptions = {
      paths: this.paths,
      index: this.index,
      logger: deps.logger,
      now: () => deps.clock.now(),
      readForIndex: (id) => this.reader.readForIndex(id),
      onChanged: (entry) => this.pushChanged(entry),
      onRemoved: (ids) => this.pushRemoved(ids),
    };
    // The list can show the index as soon as it is open; the folder check runs after it and pushes
    // any correction as events. Everything else waits for the check.
    this.openOptions = options;
    // Failures surface on the first call; this only keeps an unawaited rejection from crashing the host.
    // A one-shot command checks only what its call needs (see listBeforeCheck).
    if (deps.listBeforeCheck !== false) this.ready.catch(() => undefined);
  }

  /**
   * The index open. A failure (a full or read-only disk at the first call) is not kept: the next
   * call tries again, so drafts work again once the disk does.
   */
  private get loaded(): Promise<boolean> {
    return (this.loading ??= loadIndex(this.openOptions).catch((error: unknown) => {
      this.loading = null;
      throw error;
    }));
  }

  /** Resolves once the index agrees with the draft folders; a failure is tried again on the next call. */
  get ready(): Promise<void> {
    return (this.checking ??= this.loaded
      .then(async () => {
        this.reported = (await verifyIndex(this.openOptions)).stamps;
      })
      .catch((error: unknown) => {
        this.checking = null;
        throw error;
      }));
  }

  /** Resolves once the index has a row for each draft folder and none for a folder that is gone. */
  private get namesChecked(): Promise<void> {
    if (this.checking) return this.ready;
    return (this.checkingNames ??= this.loaded
      .then(async () => {
        await verifyIndex(this.openOptions, { namesOnly: true });
      })
      .catch((error: unknown) => {
        this.checkingNames = null;
        throw error;
      }));
  }

  /**
   * Checks the folders again for drafts another process (the CLI) made, changed or removed, and
   * pushes what changed as events. As cheap as the check at open: one stat per draft, reads only
   * what disagrees. Calls while one runs share it. Resolves to how many drafts changed.
   */
  recheck(): Promise<number> {
    this.rechecking ??= this.ready
      .then(async () => {
        const checked = await verifyIndex({
          ...this.openOptions,
          forDraft: (id, work) => this.locked(id, work),
        });
        // The index is shared: what another Postwright wrote (file and row) differs only from what
        // this process last showed.
        return checked.count + (await this.pushDifferences(checked.stamps));
      })
      .finally(() => {
        this.rechecking = null;
      });
    return this.rechecking;
  }

  private async pushDifferences(stamps: Map<string, string>): Promise<number> {
    let pushed = 0;
    for (const [id, stamp] of stamps) {
      if (this.reported.get(id) === stamp) continue;
      const entry = await this.index.get(id);
      if (entry) this.pushChanged(entry);
      pushed += 1;
    }
    const gone = [...this.reported.keys()].filter((id) => !stamps.has(id));
    if (gone.length > 0) this.pushRemoved(gone);
    return pushed + gone.length;
  }

  private pushChanged(entry: IndexEntry): void {
    this.reported.set(entry.id, entry.stamp);
    this.deps.events.emit('draft-changed', summaryOf(entry));
  }

  private pushRemoved(ids: string[]): void {
    for (const id of ids) {
      this.reported.delete(id);
      this.revisions.forget(id);
    }
    this.deps.events.emit('drafts-removed', { ids });
  }

  /**
   * Another process changed (or made, or erased) draft `id`: pushes the change, bringing the index
   * up to date with the folder first if that process stopped before writing its row. Takes no
   * lock (draft.json is always whole), so watching the locks folder never feeds on itself; this
   * process's own writes come through too and push nothing.
   */
  async changedElsewhere(id: string): Promise<void> {
    if (!isDraftId(id)) return;
    await this.ready;
    const stamp = await this.reader.stampOf(id).catch(() => null);
    let entry = await this.index.get(id);
    if (stamp === null && !(await this.reader.folderExists(id))) {
      if (entry) await this.index.remove(id, entry.stamp);
      if (this.reported.has(id)) this.pushRemoved([id]);
      return;
    }
    if (entry?.stamp !== stamp) {
      const read = await this.reader.readForIndex(id);
      if (!read) return;
      entry = entryOf(read.draft, read.stamp);
      await this.index.putChecked(entry, read.draft, (await this.index.get(id))?.stamp ?? null);
    }
    if (entry && this.reported.get(id) !== entry.stamp) this.pushChanged(entry);
  }

  async list(options: ListOptions = {}): Promise<DraftSummary[]> {
    return (await this.page(options, 0, -1)).items;
  }

  /**
   * `limit` rows (all when negative) from `offset` on, newest edit first, and how many there are
   * in all: of the drafts or the trash, holding every word of the query when there is one.
   */
  async page(
    options: ListOptions,
    offset: number,
    limit: number,
  ): Promise<{ items: DraftSummary[]; total: number }> {
    const words = queryWords(options.query ?? '');
    const usable = await this.loaded;
    if (!usable) await this.ready;
    else if (this.deps.listBeforeCheck === false) await this.namesChecked;
    return this.index.page(words, options.trash ?? false, (id) => this.reader.readOrNull(id), offset, limit);
  }

  /**
   * What a search of the index file by another connection needs first (the archive's search of
   * drafts and posts in one query): the rows as `page` would list them, with their search text.
   */
  async prepareSearch(): Promise<void> {
    const usable = await this.loaded;
    if (!usable || this.deps.listBeforeCheck === false) await this.ready;
    await this.index.catchUpText((id) => this.reader.readOrNull(id));
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
      ...(input.markdown !== undefined ? { markdown: input.markdown } : {}),
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
   * Publish state and trash come from the file as it is now, never from this process's memory. With
   * `baseUpdatedAt`, a draft changed since that version (here or by another process) is not overwritten.
   */
  save(input: DraftSave, baseUpdatedAt?: string): Promise<DraftSummary> {
    return this.locked(input.id, async () => {
      const onDisk = await this.reader.readHead(input.id);
      if (baseUpdatedAt !== undefined && onDisk.updatedAt !== baseUpdatedAt)
        throw new CoreFailure(
          'conflict',
          'This draft was changed outside this window since you opened it; choose which version to keep.',
          { updatedAt: onDisk.updatedAt },
        );
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
      return this.writeWithRevision(draft, draft, now);
    });
  }

  /** A draft as it was in one of its revisions. */
  async revision(id: string, revisionId: string): Promise<Draft> {
    await this.get(id);
    const old = await this.revisions.read(id, revisionId);
    if (!old)
      throw new CoreFailure(
        'not-found',
        `Draft ${id} has no revision ${revisionId}. List its revisions again.`,
      );
    return old;
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

  setFeaturedImage(id: string, src: string | null): Promise<DraftSummary> {
    return this.update(id, (draft) => ({ ...draft, featuredImage: src }));
  }

  async linkedTo(blogId: string, postId: string): Promise<string[]> {
    await this.ready;
    return this.index.linkedTo(blogId, postId);
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
    for (const entry of await this.index.list(true)) {
      await this.locked(entry.id, async () => {
        // Another process may have restored it meanwhile: the file decides, not the index.
        const current = await this.reader.readOrNull(entry.id);
        if (!current || current.trashedAt === null) return;
        // Renamed first, so a crash halfway through erasing never leaves half a draft under its id.
        const doomed = join(this.paths.root, `.erasing-${entry.id}-${randomBytes(4).toString('hex')}`);
        await rename(this.paths.folder(entry.id), doomed);
        await syncFolder(this.paths.root);
        await this.index.remove(entry.id);
        this.reported.delete(entry.id);
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
      ...(source.featuredImage ? { featuredImage: moveAssets(source.featuredImage) } : {}),
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
      const restored: Draft = {
        ...current,
        title: old.title,
        slug: old.slug,
        excerpt: old.excerpt,
        tags: old.tags,
        categories: old.categories,
        publishAt: old.publishAt,
        blogId: old.blogId,
        markdown: old.markdown,
        // The picture it had; a revision without one takes the current one off (null: the next update removes it from the post).
        featuredImage: old.featuredImage ?? (current.featuredImage ? null : old.featuredImage),
        editorState: old.editorState,
        html: old.html,
        wordCount: old.wordCount,
        updatedAt: now.toISOString(),
      };
      await this.writeWithRevision(restored, current, now, true);
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
    if (!isDraftId(input.id) || !(await this.index.get(input.id))) throw notFound(input.id);
    return addAsset(this.paths, input);
  }

  async addAssetFromStream(input: {
    id: string;
    filename: string;
    mimeType: string;
    body: AsyncIterable<Uint8Array>;
  }): Promise<{ src: string }> {
    await this.ready;
    if (!isDraftId(input.id) || !this.index.get(input.id)) throw notFound(input.id);
    return addAssetFromStream(this.paths, input);
  }

  assetFile(id: string, src: string): string | null {
    return assetFileFor(this.paths, id, src);
  }

  /** Puts the text of the drafts saved since into the search index, and closes it (on quit, and before a CLI command exits). */
  async close(): Promise<void> {
    // A check under way finishes first; none is started just to close.
    await Promise.all([this.checking, this.checkingNames].map((check) => check?.catch(() => undefined)));
    await this.index.close();
  }

  private update(id: string, change: (draft: Draft) => Draft): Promise<DraftSummary> {
    return this.locked(id, async () => this.write(change(await this.reader.read(id))));
  }

  /**
   * The index row is written before the new draft.json replaces the old, with the stamp the new
   * file will have: a row the disk refuses (a full disk) leaves draft.json as it was. A crash or
   * failed rename after the row leaves a row newer than its file, which the next check re-reads.
   */
  /** Writes `draft`, keeping `kept` as a revision first; a refused write takes that revision back. */
  private async writeWithRevision(
    draft: Draft,
    kept: Draft,
    now: Date,
    force = false,
  ): Promise<DraftSummary> {
    const revision = await this.revisions.maybeKeep(kept, now, force);
    let summary: DraftSummary;
    try {
      summary = await this.write(draft);
    } catch (error) {
      await revision.refused().catch(() => undefined);
      throw error;
    }
    // The draft is saved; trimming old revisions can wait for the next save if it fails.
    await revision.saved().catch(() => undefined);
    return summary;
  }

  private async write(draft: Draft): Promise<DraftSummary> {
    let entry: IndexEntry | undefined;
    let version = '';
    await writeFileAtomic(this.paths.file(draft.id), serializeDraft(draft), {
      beforeReplace: async (temp) => {
        const stats = await stat(temp, { bigint: true });
        entry = entryOf(draft, stats.mtimeNs.toString());
        version = versionOf(stats);
        await this.index.put(entry, draft);
      },
    });
    this.reader.remember(draft.id, version, draft);
    this.pushChanged(entry!);
    return summaryOf(entry!);
  }

  /**
   * A new draft is assembled in a hidden folder and renamed into place, so it appears whole or not
   * at all; its index row is written just before, so a row the disk refuses leaves no draft behind.
   */
  private writeNewFolder(draft: Draft, assetsFrom?: string): Promise<void> {
    return this.locked(draft.id, () => this.assembleNewFolder(draft, assetsFrom));
  }

  private async assembleNewFolder(draft: Draft, assetsFrom?: string): Promise<void> {
    const building = join(this.paths.root, `.creating-${draft.id}`);
    let recorded: IndexEntry | undefined;
    try {
      await mkdir(join(building, 'revisions'), { recursive: true, mode: 0o700 });
      if (assetsFrom) {
        // Links are left behind: a copy must not turn a link to a file elsewhere into that file.
        await cp(assetsFrom, join(building, 'assets'), {
          recursive: true,
          errorOnExist: false,
          filter: async (source) => !(await isSymbolicLink(source)),
        });
      }
      await mkdir(join(building, 'assets'), { recursive: true, mode: 0o700 });
      const file = join(building, 'draft.json');
      await writeFileAtomic(file, serializeDraft(draft));
      const entry = entryOf(draft, await fileStamp(file));
      await this.index.put(entry, draft);
      recorded = entry;
      await rename(building, this.paths.folder(draft.id));
    } catch (error) {
      // A full disk: nothing half-made stays behind, and no row for a draft that is not there.
      if (recorded) await this.index.remove(draft.id).catch(() => undefined);
      await rm(building, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    }
    await syncFolder(this.paths.root);
    this.pushChanged(recorded);
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
