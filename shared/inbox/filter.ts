import type { Bookmark, InboxFilter } from '../model/bookmark';

/** Local midnight of a YYYY-MM-DD day: the author's days, not UTC ones. */
export function startOfLocalDay(day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date).getTime();
}

/** The instant the day after `day` begins, so a range's last day is included whole. */
export function endOfLocalDay(day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + 1).getTime();
}

/** YYYY-MM-DD of an instant in the author's time zone. */
export function localDay(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** A predicate for the inbox's filters: tag, date range, used or not, archived or not, search words. */
export function bookmarkMatcher(filter: InboxFilter): (bookmark: Bookmark) => boolean {
  const from = filter.from ? startOfLocalDay(filter.from) : -Infinity;
  const to = filter.to ? endOfLocalDay(filter.to) : Infinity;
  const tag = filter.tag?.toLowerCase();
  const words = (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const used = filter.used ?? 'all';
  const archived = filter.archived ?? 'active';
  return (bookmark) => {
    if (bookmark.deletedAt) return false;
    if (archived === 'active' && bookmark.archived) return false;
    if (archived === 'archived' && !bookmark.archived) return false;
    if (used === 'used' && bookmark.usedIn.length === 0) return false;
    if (used === 'unused' && bookmark.usedIn.length > 0) return false;
    const at = Date.parse(bookmark.addedAt);
    if (at < from || at >= to) return false;
    if (tag && !bookmark.tags.some((entry) => entry.toLowerCase() === tag)) return false;
    if (words.length) {
      const haystack = [
        bookmark.title,
        bookmark.url,
        bookmark.description,
        bookmark.comment,
        bookmark.tags.join(' '),
        bookmark.meta?.title ?? '',
        bookmark.meta?.siteName ?? '',
      ]
        .join('\n')
        .toLowerCase();
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  };
}

/** Newest first, the order the inbox shows. */
export function newestFirst(a: Bookmark, b: Bookmark): number {
  return a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : a.id < b.id ? 1 : -1;
}

/** The title to show or publish: the author's, else the page's, else the address. */
export function displayTitle(bookmark: Pick<Bookmark, 'title' | 'url' | 'meta'>): string {
  return bookmark.title.trim() || bookmark.meta?.title.trim() || bookmark.url;
}
