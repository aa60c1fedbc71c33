import { useEffect } from 'react';
import { useCore } from '../../core/CoreContext';

/** Coming back to the window several times in a row asks once. */
const MIN_INTERVAL_MS = 2000;

/**
 * When the author comes back to the window (from a terminal where they ran `postwright drafts …`,
 * say), the core looks at the draft folders again; what another process made, changed or erased
 * reaches the drafts list as events, so the app never shows a stale library.
 */
export function useRecheckWhenBack() {
  const core = useCore();
  useEffect(() => {
    let last = -Infinity;
    const recheck = () => {
      if (document.visibilityState !== 'visible' || performance.now() - last < MIN_INTERVAL_MS) return;
      last = performance.now();
      // A failed check changes nothing on screen; the next return asks again.
      core.call('drafts-recheck', {}).catch(() => undefined);
    };
    window.addEventListener('focus', recheck);
    document.addEventListener('visibilitychange', recheck);
    return () => {
      window.removeEventListener('focus', recheck);
      document.removeEventListener('visibilitychange', recheck);
    };
  }, [core]);
}
