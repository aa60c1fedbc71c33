import { useCallback, useEffect, useState } from 'react';
import type { EventOccurrence } from '../../../shared/model/calendar-event';
import { useCore, useCoreEvent } from '../../core/CoreContext';

/** The events of a range, reloaded whenever the calendar changes (here, in another window, or from the CLI). */
export function useOccurrences(range: { from?: string; to?: string }) {
  const core = useCore();
  const [occurrences, setOccurrences] = useState<EventOccurrence[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { from, to } = range;

  const load = useCallback(() => {
    let live = true;
    core
      .call('events-list', { ...(from ? { from } : {}), ...(to ? { to } : {}) })
      .then((list) => {
        if (!live) return;
        setOccurrences(list);
        setError(null);
      })
      .catch((failure: Error) => live && setError(failure.message));
    return () => {
      live = false;
    };
  }, [core, from, to]);

  const [generation, setGeneration] = useState(0);
  useEffect(() => load(), [load, generation]);
  useCoreEvent('events-changed', () => setGeneration((value) => value + 1));
  return { occurrences, error };
}
