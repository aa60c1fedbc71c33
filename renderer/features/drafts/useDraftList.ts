import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftSummary } from '../../../shared/model/draft';
import { useCore, useCoreEvent } from '../../core/CoreContext';

const SEARCH_DEBOUNCE_MS = 60;

/** Puts a row where "newest edit first" wants it; usually the top, since it was just saved. */
function insertByDate(list: DraftSummary[], summary: DraftSummary): DraftSummary[] {
  const index = list.findIndex((entry) => entry.updatedAt <= summary.updatedAt);
  return index === -1 ? [...list, summary] : [...list.slice(0, index), summary, ...list.slice(index)];
}

/**
 * The drafts (or the trash), newest edit first, filtered by `query`. Only the latest request's
 * answer is shown, so a slow search for "ca" never replaces the answer for "cat". Changes pushed by
 * the core update rows in place; with a search active the list asks again.
 */
export function useDraftList(query: string, trash: boolean) {
  const core = useCore();
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sequence = useRef(0);

  const load = useCallback(() => {
    const mine = ++sequence.current;
    const trimmed = query.trim();
    core
      .call('drafts-list', { ...(trimmed ? { query: trimmed } : {}), ...(trash ? { trash: true } : {}) })
      .then((list) => {
        if (mine !== sequence.current) return;
        setDrafts(list);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (mine !== sequence.current) return;
        setError(
          `The drafts could not be listed: ${failure instanceof Error ? failure.message : String(failure)}`,
        );
      });
  }, [core, query, trash]);

  useEffect(() => {
    const timer = window.setTimeout(load, query.trim() ? SEARCH_DEBOUNCE_MS : 0);
    return () => window.clearTimeout(timer);
  }, [load, query]);

  const refetchTimer = useRef<number | null>(null);
  useCoreEvent('draft-changed', (summary) => {
    if (query.trim()) {
      if (refetchTimer.current !== null) window.clearTimeout(refetchTimer.current);
      refetchTimer.current = window.setTimeout(load, 250);
      return;
    }
    setDrafts((current) => {
      if (!current) return current;
      const rest = current.filter((entry) => entry.id !== summary.id);
      const belongs = trash ? summary.trashedAt !== null : summary.trashedAt === null;
      return belongs ? insertByDate(rest, summary) : rest;
    });
  });
  // Drafts erased for good (an emptied trash) or whose folders went away.
  useCoreEvent('drafts-removed', ({ ids }) => {
    const gone = new Set(ids);
    setDrafts((current) => current && current.filter((entry) => !gone.has(entry.id)));
  });
  useEffect(
    () => () => {
      if (refetchTimer.current !== null) window.clearTimeout(refetchTimer.current);
    },
    [],
  );

  return { drafts, error };
}
