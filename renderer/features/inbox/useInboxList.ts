import { useCallback } from 'react';
import { bookmarkMatcher } from '../../../shared/inbox/filter';
import type { Bookmark, InboxFilter } from '../../../shared/model/bookmark';
import { usePagedList } from '../../components/usePagedList';
import { useCore, useCoreEvent } from '../../core/CoreContext';

const PAGE = 200;

/**
 * The inbox's links for a filter, a page at a time (so 10,000 links open as fast as 100), kept
 * current from `inbox-changed` events: a changed link is patched in place; a link arriving or
 * leaving reloads the pages on screen.
 */
export function useInboxList(filter: InboxFilter) {
  const core = useCore();
  const list = usePagedList<Bookmark>({
    pageSize: PAGE,
    view: JSON.stringify(filter),
    viewDelayMs: 0,
    load: async (offset, limit) => {
      const page = await core.call('inbox-page', { ...filter, offset, limit });
      return { rows: page.links, total: page.total };
    },
    failureMessage: (reason) => reason,
  });
  const { loaded, patch, reload } = list;

  useCoreEvent('inbox-changed', (change) => {
    if (change.reload || change.removed.length) {
      reload();
      return;
    }
    const matches = bookmarkMatcher(filter);
    const changed = new Map(change.upserted.map((bookmark) => [bookmark.id, bookmark]));
    let structural = false;
    const shown = patch((now) => {
      const pages = new Map<number, Bookmark[]>();
      for (const [page, links] of now.pages) {
        pages.set(
          page,
          links.map((link) => {
            const update = changed.get(link.id);
            if (!update) return link;
            changed.delete(link.id);
            if (!matches(update)) structural = true;
            return update;
          }),
        );
      }
      return { ...now, pages };
    });
    // A link that is new to this view, or no longer belongs in it, moves rows: fetch the pages again.
    if (shown && (structural || [...changed.values()].some(matches))) reload();
  });

  const find = useCallback(
    (id: string): Bookmark | null => {
      for (const links of loaded?.pages.values() ?? []) {
        const found = links.find((link) => link.id === id);
        if (found) return found;
      }
      return null;
    },
    [loaded],
  );

  return { total: list.total, linkAt: list.rowAt, find, ensureRange: list.ensureRange, error: list.error };
}
