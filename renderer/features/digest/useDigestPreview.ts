import { useEffect, useState } from 'react';
import { fieldProblem } from '../../../shared/contract/explain-args';
import type { DigestPreview } from '../../../shared/contract/inbox';
import { useCore, useCoreEvent } from '../../core/CoreContext';
import type { DayRange } from './useDigestRange';

export interface DigestRequest extends DayRange {
  order: string[];
  excluded: string[];
  groupByTag: boolean;
  template?: string;
}

/** A problem with one of the dates shows on that date; any other above the links. */
export interface DigestProblem {
  text: string;
  from?: string;
  to?: string;
}

/**
 * The digest as it would be drafted now, asked again when the request, the inbox or the settings
 * (`settings`, the templates) change; an answer that arrives after a newer question is dropped.
 */
export function useDigestPreview(request: DigestRequest | null, settings: unknown) {
  const core = useCore();
  const [preview, setPreview] = useState<DigestPreview | null>(null);
  const [problem, setProblem] = useState<DigestProblem | null>(null);
  const [revision, setRevision] = useState(0);
  useCoreEvent('inbox-changed', () => setRevision((value) => value + 1));

  useEffect(() => {
    if (!request) return;
    let live = true;
    core.call('digest-preview', request).then(
      (result) => {
        if (!live) return;
        setPreview(result);
        setProblem(null);
      },
      (error: unknown) => {
        if (!live) return;
        const dates = { from: fieldProblem(error, 'from'), to: fieldProblem(error, 'to') };
        // A preview of other dates would contradict a problem with these: it goes.
        if (dates.from || dates.to) setPreview(null);
        setProblem({ text: (error as Error).message, ...dates });
      },
    );
    return () => {
      live = false;
    };
  }, [core, request, revision, settings]);

  return { preview, problem };
}
