import type { DraftSummary } from '../../../shared/model/draft';
import { useEffect, useRef } from 'react';
import { usePagedList, type LoadedPages } from '../../components/usePagedList';
import { useConnectionLost, useCore, useCoreEvent } from '../../core/CoreContext';

const PAGE = 100;
const SEARCH_DEBOUNCE_MS = 60;

/**
 * The drafts (or the trash), newest edit first, filtered by `query`, a page at a time. Changes pushed
 * by the core patch a loaded row at once; anything that may move rows (a save moves the draft to the
 * top, a draft leaves or joins the view) fetches the loaded pages again.
 */
export function useDraftList(query: string, trash: boolean) {
  const core = useCore();
  const trimmed = query.trim();
  const list = usePagedList<DraftSummary>({
    pageSize: PAGE,
    view: JSON.stringify([trimmed, trash]),
    viewDelayMs: trimmed ? SEARCH_DEBOUNCE_MS : 0,
    load: async (offset, limit) => {
      const page = await core.call('drafts-page', {
        ...(trimmed ? { query: trimmed } : {}),
        ...(trash ? { trash: true } : {}),
        offset,
        limit,
      });
      return { rows: page.items, total: page.total };
    },
    failureMessage: (reason) => `The drafts could not be listed: ${reason}`,
  });
  const { patch, reload, reloadSoon } = list;

  // Back from a lost connection: pages asked for while it was down may have failed; ask again.
  const lost = useConnectionLost();
  const wasLost = useRef(false);
  useEffect(() => {
    if (!lost && wasLost.current) reload();
    wasLost.current = lost;
  }, [lost, reload]);

  useCoreEvent('draft-changed', (summary) => {
    let settled = false;
    const shown = patch((now) => {
      const next = placeChanged(now, summary, { trash, searching: trimmed !== '' });
      settled = next.settled;
      return next.loaded;
    });
    if (!shown || !settled) reloadSoon();
  });
  // Drafts erased for good (an emptied trash) or whose folders went away.
  useCoreEvent('drafts-removed', reloadSoon);

  return { total: list.total, draftAt: list.rowAt, ensureRange: list.ensureRange, error: list.error };
}

/**
 * Shows a changed draft in the loaded rows at once. The autosave of the draft already at the top
 * changes nothing else (`settled`): the rows keep still while someone types. Otherwise the row shows
 * its change (a new or just-saved draft at the top, as "newest edit first" wants; a trashed one gone)
 * and the caller fetches the loaded pages again, since rows below it shift and a search may no longer match.
 */
function placeChanged(
  now: LoadedPages<DraftSummary>,
  summary: DraftSummary,
  view: { trash: boolean; searching: boolean },
): { loaded: LoadedPages<DraftSummary>; settled: boolean } {
  const belongs = view.trash ? summary.trashedAt !== null : summary.trashedAt === null;
  const pages = new Map(now.pages);
  let total = now.total;
  let found: { page: number; index: number } | null = null;
  for (const [page, rows] of now.pages) {
    const index = rows.findIndex((row) => row.id === summary.id);
    if (index !== -1) found = { page, index };
  }
  const top = pages.get(0);
  const goesOnTop =
    belongs &&
    !view.searching &&
    top !== undefined &&
    (top.length === 0 || top[0]!.updatedAt <= summary.updatedAt);
  if (found && belongs && !goesOnTop) {
    const rows = pages.get(found.page)!.slice();
    rows[found.index] = summary;
    pages.set(found.page, rows);
  } else {
    if (found)
      pages.set(
        found.page,
        pages.get(found.page)!.filter((row) => row.id !== summary.id),
      );
    if (goesOnTop) pages.set(0, [summary, ...pages.get(0)!]);
    total += (goesOnTop ? 1 : 0) - (found ? 1 : 0);
  }
  const settled = goesOnTop && found?.page === 0 && found.index === 0;
  return { loaded: { ...now, total, pages }, settled };
}
