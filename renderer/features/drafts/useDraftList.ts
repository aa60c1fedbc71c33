import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftSummary } from '../../../shared/model/draft';
import { useCore, useCoreEvent } from '../../core/CoreContext';

const PAGE = 100;
const SEARCH_DEBOUNCE_MS = 60;
/** Saves and the folder check can send many changes at once; the list asks again once for all of them. */
const REFRESH_DELAY_MS = 50;

interface Loaded {
  total: number;
  pages: Map<number, DraftSummary[]>;
  /** The request generation these pages were loaded for. */
  gen: number;
}

/**
 * The drafts (or the trash), newest edit first, filtered by `query`, loaded a page at a time as the
 * list scrolls: sending all 10,000 summaries takes longer than painting the list may. Only the latest
 * generation's answers are shown, so a slow search for "ca" never replaces the answer for "cat".
 * Changes pushed by the core patch a loaded row at once; anything that may move rows (a save moves the
 * draft to the top, a draft leaves or joins the view) fetches the loaded pages again.
 */
export function useDraftList(query: string, trash: boolean) {
  const core = useCore();
  const [loaded, setLoadedState] = useState<Loaded | null>(null);
  // Events are handled against the rows as they are now, not as of the last render.
  const current = useRef<Loaded | null>(null);
  const setLoaded = useCallback((next: Loaded | null) => {
    current.current = next;
    setLoadedState(next);
  }, []);
  const [error, setError] = useState<string | null>(null);
  const trimmed = query.trim();
  const generation = useRef(0);
  /** A generation whose first answer replaces every page (a new query), instead of updating them. */
  const freshFrom = useRef(0);
  const wanted = useRef(new Set<number>([0]));
  const inFlight = useRef(new Set<string>());

  const fetchPage = useCallback(
    (page: number, gen: number) => {
      const tag = `${gen}:${page}`;
      if (inFlight.current.has(tag)) return;
      inFlight.current.add(tag);
      const args = {
        ...(trimmed ? { query: trimmed } : {}),
        ...(trash ? { trash: true } : {}),
        offset: page * PAGE,
        limit: PAGE,
      };
      core.call('drafts-page', args).then(
        (result) => {
          inFlight.current.delete(tag);
          if (gen !== generation.current) return;
          setError(null);
          const previous = current.current;
          const startOver = gen === freshFrom.current && previous?.gen !== gen;
          const pages = new Map(startOver ? [] : (previous?.pages ?? []));
          pages.set(page, result.items);
          // Pages past the end (the list got shorter) would otherwise show rows that are gone.
          for (const key of pages.keys()) if (key * PAGE >= result.total && key !== 0) pages.delete(key);
          setLoaded({ total: result.total, pages, gen });
        },
        (failure: unknown) => {
          inFlight.current.delete(tag);
          if (gen !== generation.current) return;
          setError(
            `The drafts could not be listed: ${failure instanceof Error ? failure.message : String(failure)}`,
          );
        },
      );
    },
    [core, trimmed, trash, setLoaded],
  );

  /** Fetches again the pages the list has asked for; the old rows stay on screen until they arrive. */
  const reload = useCallback(() => {
    const gen = ++generation.current;
    for (const page of wanted.current) fetchPage(page, gen);
  }, [fetchPage]);

  // A new query or view starts from the top, with none of the old rows; typing pauses briefly first.
  useEffect(() => {
    const timer = window.setTimeout(
      () => {
        wanted.current = new Set([0]);
        freshFrom.current = generation.current + 1;
        reload();
      },
      trimmed ? SEARCH_DEBOUNCE_MS : 0,
    );
    return () => window.clearTimeout(timer);
  }, [reload, trimmed]);

  const refreshTimer = useRef<number | null>(null);
  const reloadSoon = useCallback(() => {
    if (refreshTimer.current !== null) window.clearTimeout(refreshTimer.current);
    refreshTimer.current = window.setTimeout(() => {
      refreshTimer.current = null;
      reload();
    }, REFRESH_DELAY_MS);
  }, [reload]);
  useEffect(
    () => () => {
      if (refreshTimer.current !== null) window.clearTimeout(refreshTimer.current);
    },
    [],
  );

  /** Called by the list with the rows it is about to show. */
  const ensureRange = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++) {
        if (wanted.current.has(page)) continue;
        wanted.current.add(page);
        fetchPage(page, generation.current);
      }
    },
    [fetchPage],
  );

  useCoreEvent('draft-changed', (summary) => {
    const now = current.current;
    if (!now) {
      reloadSoon();
      return;
    }
    const belongs = trash ? summary.trashedAt !== null : summary.trashedAt === null;
    const pages = new Map(now.pages);
    let total = now.total;
    let found: { page: number; index: number } | null = null;
    for (const [page, rows] of now.pages) {
      const index = rows.findIndex((row) => row.id === summary.id);
      if (index !== -1) found = { page, index };
    }
    // The autosave of the draft already at the top changes nothing else: the rows keep still while
    // someone types. Otherwise the row shows its change at once (a new or just-saved draft at the
    // top, as "newest edit first" wants; a trashed one gone) and the loaded pages are fetched again,
    // since rows below it shift and a search may no longer match.
    const top = pages.get(0);
    const goesOnTop =
      belongs &&
      !trimmed &&
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
    setLoaded({ ...now, total, pages });
    if (goesOnTop && found?.page === 0 && found.index === 0) return;
    reloadSoon();
  });
  // Drafts erased for good (an emptied trash) or whose folders went away.
  useCoreEvent('drafts-removed', reloadSoon);

  const draftAt = useCallback(
    (index: number): DraftSummary | null =>
      loaded?.pages.get(Math.floor(index / PAGE))?.[index % PAGE] ?? null,
    [loaded],
  );

  return { total: loaded?.total ?? null, draftAt, ensureRange, error };
}
