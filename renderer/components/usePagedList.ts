import { useCallback, useEffect, useRef, useState } from 'react';

/** The rows loaded so far, by page, for one request generation. */
export interface LoadedPages<Row> {
  total: number;
  pages: Map<number, Row[]>;
  /** The request generation these pages were loaded for. */
  gen: number;
}

export interface PagedListOptions<Row> {
  pageSize: number;
  /** What is listed (a search, a filter), as a string: a new view starts from the top, old rows gone. */
  view: string;
  /** How long a new view waits before asking, so typing in a search box sends one request, not six. */
  viewDelayMs: number;
  /** One page of the current view. Read when a page is fetched, so it may change on every render. */
  load: (offset: number, limit: number) => Promise<{ rows: Row[]; total: number }>;
  /** The message shown when a page could not be loaded. */
  failureMessage: (reason: string) => string;
}

/** Many pushed changes at once (a save, the folder check, an import) ask again once for all of them. */
const RELOAD_SOON_MS = 50;

/**
 * A long list loaded a page at a time as it scrolls: sending 10,000 rows takes longer than painting
 * the list may. Only the latest generation's answers are shown, so a slow answer for "ca" never
 * replaces the answer for "cat". The caller keeps the rows current from the core's push events with
 * `patch` (a change that moves nothing) and `reload` / `reloadSoon` (a change that moves rows).
 */
export function usePagedList<Row>({
  pageSize,
  view,
  viewDelayMs,
  load,
  failureMessage,
}: PagedListOptions<Row>) {
  const [loaded, setLoadedState] = useState<LoadedPages<Row> | null>(null);
  // Events are handled against the rows as they are now, not as of the last render.
  const current = useRef<LoadedPages<Row> | null>(null);
  const setLoaded = useCallback((next: LoadedPages<Row>) => {
    current.current = next;
    setLoadedState(next);
  }, []);
  const [error, setError] = useState<string | null>(null);
  const loadRef = useRef(load);
  const failureRef = useRef(failureMessage);
  useEffect(() => {
    loadRef.current = load;
    failureRef.current = failureMessage;
  });
  const generation = useRef(0);
  /** A generation whose first answer replaces every page (a new view), instead of updating them. */
  const freshFrom = useRef(0);
  const wanted = useRef(new Set<number>([0]));
  const inFlight = useRef(new Set<string>());

  const fetchPage = useCallback(
    (page: number, gen: number) => {
      const tag = `${gen}:${page}`;
      if (inFlight.current.has(tag)) return;
      inFlight.current.add(tag);
      loadRef.current(page * pageSize, pageSize).then(
        (result) => {
          inFlight.current.delete(tag);
          if (gen !== generation.current) return;
          setError(null);
          const previous = current.current;
          const startOver = gen === freshFrom.current && previous?.gen !== gen;
          const pages = new Map(startOver ? [] : (previous?.pages ?? []));
          pages.set(page, result.rows);
          // A search's total is counted only a stretch past the page asked for ("at least"): the
          // deepest page the list wants says how far it reaches, and a shallower answer arriving
          // first in a reload must not shorten the list under the rows on screen.
          const deepest = page >= Math.max(...wanted.current);
          const total =
            startOver || deepest || !previous ? result.total : Math.max(result.total, previous.total);
          // Pages past the end (the list got shorter) would otherwise show rows that are gone.
          for (const key of pages.keys()) if (key !== 0 && key * pageSize >= total) pages.delete(key);
          setLoaded({ total, pages, gen });
        },
        (failure: unknown) => {
          inFlight.current.delete(tag);
          if (gen !== generation.current) return;
          setError(failureRef.current(failure instanceof Error ? failure.message : String(failure)));
        },
      );
    },
    [pageSize, setLoaded],
  );

  /** Fetches again the pages the list has asked for; the old rows stay on screen until they arrive. */
  const reload = useCallback(() => {
    const gen = ++generation.current;
    for (const page of wanted.current) fetchPage(page, gen);
  }, [fetchPage]);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      wanted.current = new Set([0]);
      freshFrom.current = generation.current + 1;
      reload();
    }, viewDelayMs);
    return () => window.clearTimeout(timer);
  }, [reload, view, viewDelayMs]);

  const reloadTimer = useRef<number | null>(null);
  const reloadSoon = useCallback(() => {
    if (reloadTimer.current !== null) window.clearTimeout(reloadTimer.current);
    reloadTimer.current = window.setTimeout(() => {
      reloadTimer.current = null;
      reload();
    }, RELOAD_SOON_MS);
  }, [reload]);
  useEffect(
    () => () => {
      if (reloadTimer.current !== null) window.clearTimeout(reloadTimer.current);
    },
    [],
  );

  /** Called by the list with the rows it is about to show. */
  const ensureRange = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) {
        if (wanted.current.has(page)) continue;
        wanted.current.add(page);
        fetchPage(page, generation.current);
      }
    },
    [fetchPage, pageSize],
  );

  /** Shows a change to the loaded rows at once; returns false when nothing is loaded yet. */
  const patch = useCallback(
    (change: (now: LoadedPages<Row>) => LoadedPages<Row>): boolean => {
      const now = current.current;
      if (!now) return false;
      setLoaded(change(now));
      return true;
    },
    [setLoaded],
  );

  const rowAt = useCallback(
    (index: number): Row | null =>
      loaded?.pages.get(Math.floor(index / pageSize))?.[index % pageSize] ?? null,
    [loaded, pageSize],
  );

  return { total: loaded?.total ?? null, loaded, rowAt, ensureRange, patch, reload, reloadSoon, error };
}
