import { useCallback, useEffect, useState } from 'react';
import type { PreviewStylesheet } from '../../../shared/model/ui-state';
import { useCore } from '../../core/CoreContext';

export type StylesheetState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'ready'; sheet: PreviewStylesheet }
  | { kind: 'failed'; message: string };

/** The blog's own stylesheet when `wanted` (cached by the core per blog); `refresh` fetches it again. */
export function useBlogStylesheet(blogId: string | null, wanted: boolean) {
  const core = useCore();
  const [asked, setAsked] = useState(0);
  const request = blogId && wanted ? `${blogId}\n${asked}` : null;
  const [answer, setAnswer] = useState<{ request: string; state: StylesheetState } | null>(null);
  const state: StylesheetState = !request
    ? { kind: 'none' }
    : answer?.request === request
      ? answer.state
      : { kind: 'loading' };

  useEffect(() => {
    if (!request || !blogId) return;
    let live = true;
    core
      .call('preview-stylesheet', { blogId, ...(asked > 0 ? { refresh: true } : {}) })
      .then((sheet) => live && setAnswer({ request, state: { kind: 'ready', sheet } }))
      .catch(
        (failure: unknown) =>
          live &&
          setAnswer({
            request,
            state: { kind: 'failed', message: failure instanceof Error ? failure.message : String(failure) },
          }),
      );
    return () => {
      live = false;
    };
  }, [core, request, blogId, asked]);

  const refresh = useCallback(() => setAsked((count) => count + 1), []);
  return { state, refresh };
}
