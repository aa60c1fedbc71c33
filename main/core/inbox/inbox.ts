import { randomUUID } from 'node:crypto';
import { CoreFailure } from '../../../shared/contract/errors';
import { bookmarkMatcher, newestFirst } from '../../../shared/inbox/filter';
import { mergeLink, mergeTags } from '../../../shared/inbox/merge';
import { parseLink } from '../../../shared/inbox/normalize-url';
import type {
  AddResult,
  Bookmark,
  BookmarkPatch,
  InboxFilter,
  LinkMetadata,
  NewLink,
  TagCount,
} from '../../../shared/model/bookmark';
import type { EventBus } from '../events/event-bus';
import type { Clock } from '../platform/clock';
import type { InboxStore } from './inbox-store';

/** The inbox's rules over its store: adding with duplicate merging, editing, archiving, undoable deletes. */
export class Inbox {
  constructor(
    readonly store: InboxStore,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  private changed(upserted: Bookmark[], removed: string[] = []): void {
    if (upserted.length || removed.length)
      this.events.emit('inbox-changed', { upserted, removed, reload: false });
  }

  /** Adds links (merging duplicates); `fetch` marks new ones for a background metadata fetch. */
  async add(links: NewLink[], options: { fetch: boolean; quiet?: boolean }): Promise<AddResult> {
    // Decided under the inbox lock on the links as they are now, so a link another process added
    // a moment ago is merged, not doubled.
    const { result, written } = await this.store.transact((store) => {
      const { result, written } = this.merge(store, links, options);
      return { bookmarks: written, result: { result, written } };
    });
    if (!options.quiet) this.changed(written);
    return result;
  }

  private merge(store: InboxStore, links: NewLink[], options: { fetch: boolean }) {
    const now = this.now();
    const batch = new Map<string, Bookmark>();
    const result: AddResult = { bookmarks: [], added: 0, merged: 0, rejected: [] };
    for (const link of links) {
      const parsed = parseLink(link.url);
      if (!parsed.ok) {
        result.rejected.push({ url: link.url, reason: parsed.reason });
        continue;
      }
      const existing = batch.get(parsed.key) ?? store.byKey(parsed.key);
      let bookmark: Bookmark;
      if (existing) {
        bookmark = mergeLink(existing, link, now);
        if (link.archived === false) bookmark.archived = false;
        result.merged++;
      } else {
        bookmark = {
          id: randomUUID(),
          url: parsed.url,
          key: parsed.key,
          title: link.title?.trim() ?? '',
          description: link.description?.trim() ?? '',
          comment: link.comment?.trim() ?? '',
          tags: mergeTags(link.tags ?? [], []),
          addedAt: link.addedAt ? new Date(link.addedAt).toISOString() : now,
          updatedAt: now,
          archived: link.archived ?? false,
          usedIn: [],
          deletedAt: null,
          fetch: { state: options.fetch ? 'pending' : 'none', message: null, at: null },
          meta: null,
        };
        result.added++;
      }
      batch.set(parsed.key, bookmark);
      result.bookmarks.push(bookmark);
    }
    return { result, written: [...batch.values()] };
  }

  get(id: string): Bookmark {
    const bookmark = this.store.get(id);
    if (!bookmark || bookmark.deletedAt) {
      throw new CoreFailure('not-found', 'That link is no longer in the inbox; it may have been deleted.');
    }
    return bookmark;
  }

  async list(filter: InboxFilter): Promise<Bookmark[]> {
    await this.store.refresh();
    return this.sortedIds(filter).map((id) => this.store.get(id)!);
  }

  /** A window of the list: a scrolling view loads only what it shows. */
  async page(filter: InboxFilter, offset: number, limit: number) {
    await this.store.refresh();
    const ids = this.sortedIds(filter);
    return {
      total: ids.length,
      offset,
      links: ids.slice(offset, offset + limit).map((id) => this.store.get(id)!),
    };
  }

  private cache: { key: string; version: number; ids: string[] } | null = null;

  /** Matching ids, newest first; kept until the store or the filter changes, so paging is cheap. */
  private sortedIds(filter: InboxFilter): string[] {
    const key = JSON.stringify(filter);
    if (this.cache?.key === key && this.cache.version === this.store.version) return this.cache.ids;
    const matches = bookmarkMatcher(filter);
    const found: Bookmark[] = [];
    for (const bookmark of this.store.all()) if (matches(bookmark)) found.push(bookmark);
    const ids = found.sort(newestFirst).map((bookmark) => bookmark.id);
    this.cache = { key, version: this.store.version, ids };
    return ids;
  }

  async tags(): Promise<TagCount[]> {
    await this.store.refresh();
    const counts = new Map<string, TagCount>();
    for (const bookmark of this.store.all()) {
      if (bookmark.deletedAt || bookmark.archived) continue;
      for (const tag of bookmark.tags) {
        const entry = counts.get(tag.toLowerCase()) ?? { tag, count: 0 };
        entry.count++;
        counts.set(tag.toLowerCase(), entry);
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  /** Applies a change to some links, writes them once and tells the views. */
  private async change(
    ids: string[],
    edit: (bookmark: Bookmark) => Bookmark,
    allowDeleted = false,
  ): Promise<Bookmark[]> {
    return this.store.transact(() => {
      const now = this.now();
      const next = ids.map((id) => {
        const current = allowDeleted ? this.store.get(id) : this.get(id);
        if (!current) throw new CoreFailure('not-found', 'That link is no longer in the inbox.');
        return { ...edit(current), updatedAt: now };
      });
      return { bookmarks: next, result: next };
    });
  }

  async update(id: string, patch: BookmarkPatch): Promise<Bookmark> {
    const [next] = await this.change([id], (bookmark) => ({
      ...bookmark,
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.comment !== undefined ? { comment: patch.comment } : {}),
      ...(patch.tags !== undefined ? { tags: mergeTags(patch.tags, []) } : {}),
    }));
    this.changed([next!]);
    return next!;
  }

  async archive(ids: string[], archived: boolean): Promise<Bookmark[]> {
    const next = await this.change(ids, (bookmark) => ({ ...bookmark, archived }));
    this.changed(next);
    return next;
  }

  /** Deleted links stay restorable for a day (the Undo in the UI; `restore`). */
  async remove(ids: string[]): Promise<number> {
    const now = this.now();
    const next = await this.change(ids, (bookmark) => ({ ...bookmark, deletedAt: now }));
    this.changed(
      [],
      next.map((bookmark) => bookmark.id),
    );
    return next.length;
  }

  async restore(ids: string[]): Promise<Bookmark[]> {
    const next = await this.change(ids, (bookmark) => ({ ...bookmark, deletedAt: null }), true);
    this.changed(next);
    return next;
  }

  async markUsed(ids: string[], draftId: string): Promise<Bookmark[]> {
    const next = await this.change(ids, (bookmark) => ({
      ...bookmark,
      usedIn: bookmark.usedIn.includes(draftId) ? bookmark.usedIn : [...bookmark.usedIn, draftId],
    }));
    this.changed(next);
    return next;
  }

  async setFetchState(id: string, state: Bookmark['fetch'], meta?: LinkMetadata): Promise<Bookmark | null> {
    const next = await this.store.transact((store) => {
      const current = store.get(id);
      if (!current) return { bookmarks: [], result: null };
      const changed: Bookmark = { ...current, fetch: state };
      if (meta) {
        changed.meta = meta;
        // The page's words fill what the author has not written; the author's text is never replaced.
        if (!changed.title.trim() && meta.title) changed.title = meta.title;
        if (!changed.description.trim() && meta.description) changed.description = meta.description;
      }
      return { bookmarks: [changed], result: changed };
    });
    if (next && !next.deletedAt) this.changed([next]);
    return next;
  }
}
