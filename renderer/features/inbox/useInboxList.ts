import { useCallback, useEffect, useRef, useState } from 'react';
import { bookmarkMatcher } from '../../../shared/inbox/filter';
import type { Bookmark, InboxFilter } from '../../../shared/model/bookmark';
import { useCore, useCoreEvent } from '../../core/CoreContext';

const PAGE = 200;

interface Loaded {
  total: number;
  pages: Map<number, Bookmark[]>;
  /** The generation the pages were loaded for. */
  gen: number;
}

/**
 * The inbox's links for a filter, loaded a page at a time as the list scrolls (so 10,000 links open
 * as fast as 100), and kept current from `inbox-changed` events: a changed link is patched in place;
 * a link arriving or leaving reloads the pages on screen.
 */
export function useInboxList(filter: InboxFilter) {
  const core = useCore();
  const [loaded, setLoadedState] = useState<Loaded | null>(null);
  // Events are handled against the rows as they are now, not as of the last render.
  const current = useRef<Loaded | null>(null);
  const setLoaded = useCallback((next: Loaded | null) => {
    current.current = next;
    setLoadedState(next);
  }, []);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(filter);
  const filterRef = useRef(filter);
  useEffect(() => {
    filterRef.current = filter;
  });
  const generation = useRef(0);
  /** A generation whose first answer replaces every page (a new filter), instead of patching them. */
  const freshFrom = useRef(0);
  const wanted = useRef(new Set<number>([0]));
  const inFlight = useRef(new Set<string>());

  const fetchPage = useCallback(
    (page: number, gen: number) => {
      const tag = `${gen}:${page}`;
      if (inFlight.current.has(tag)) return;
      inFlight.current.add(tag);
      const args = { ...(JSON.parse(key) as InboxFilter), offset: page * PAGE, limit: PAGE };
      core.call('inbox-page', args).then(
        (result) => {
          inFlight.current.delete(tag);
          if (gen !== generation.current) return;
          setError(null);
          const previous = current.current;
          const startOver = gen === freshFrom.current && previous?.gen !== gen;
          const pages = new Map(startOver ? [] : (previous?.pages ?? []));
          pages.set(page, result.links);
          setLoaded({ total: result.total, pages, gen });
        },
        (failure: unknown) => {
          inFlight.current.delete(tag);
          if (gen === generation.current)
            setError(failure instanceof Error ? failure.message : String(failure));
        },
      );
    },
    [core, key, setLoaded],
  );

  /** Fetches again the pages the list has asked for; the old rows stay on screen until they arrive. */
  const reload = useCallback(() => {
    const gen = ++generation.current;
    for (const page of wanted.current) fetchPage(page, gen);
  }, [fetchPage]);

  // A new filter starts from the top, with none of the old filter's rows.
  useEffect(() => {
    wanted.current = new Set([0]);
    freshFrom.current = generation.current + 1;
    reload();
  }, [reload]);

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

  useCoreEvent('inbox-changed', (change) => {
    if (change.reload || change.removed.length) {
      reload();
      return;
    }
    const matches = bookmarkMatcher(filterRef.current);
    const changed = new Map(change.upserted.map((bookmark) => [bookmark.id, bookmark]));
    let structural = false;
    const now = current.current;
    if (!now) return;
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
    setLoaded({ ...now, pages });
    // A link that is new to this view, or no longer belongs in it, moves rows: fetch the pages again.
    if (structural || [...changed.values()].some(matches)) reload();
  });

  const linkAt = useCallback(
    (index: number): Bookmark | null => loaded?.pages.get(Math.floor(index / PAGE))?.[index % PAGE] ?? null,
    [loaded],
  );
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

  return { total: loaded?.total ?? null, linkAt, find, ensureRange, error };
}
