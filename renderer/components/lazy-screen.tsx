import { useEffect, useReducer, useState, type ComponentType } from 'react';
import { loadOnce } from '../../shared/load-once';
import './lazy-screen.css';

export interface LazyScreen<P> {
  /** The screen once its code is here; until then a line saying it is on its way, or why it is not. */
  Screen: ComponentType<P>;
}

/** Screens fetched once the app is idle (see preloadScreens), in the order they were made. */
const fetchedWhenIdle: (() => Promise<unknown>)[] = [];

function whenIdle(work: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(work, { timeout: 3000 });
  else setTimeout(work, 200);
}

/**
 * Fetches every screen marked for it after the app has painted, one per idle moment, so opening
 * one later waits neither for the network nor for a compile, and the first paint and the author's
 * first keys never wait for them. A failure is tried again when the screen opens.
 */
export function preloadScreens(): void {
  const next = (index: number) => {
    const fetch = fetchedWhenIdle[index];
    if (fetch) whenIdle(() => void fetch().finally(() => next(index + 1)));
  };
  // A second after the app is ready: its first paint and the author's first keys come first.
  setTimeout(() => next(0), 1000);
}

/**
 * A screen whose code loads when it is first shown, keeping it out of the start bundle. Unlike
 * React.lazy, a failed load (the host stopped, the network dropped) is said in words with a way to
 * try again, never a blank window, and a screen already loaded renders at once, with no fallback.
 */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  {
    what,
    loadingText = `Loading ${what}…`,
    className = 'muted section-loading',
    whenIdle: idle = true,
  }: {
    what: string;
    loadingText?: string;
    className?: string;
    /** Fetched once the app is idle (false: only when first shown, for code rarely needed and big). */
    whenIdle?: boolean;
  },
): LazyScreen<P> {
  const code = loadOnce(load);

  function Screen(props: P) {
    const [, arrived] = useReducer((count: number) => count + 1, 0);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (code.loaded()) return;
      let live = true;
      code.get().then(
        () => live && arrived(),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [attempt]);

    const Loaded = code.loaded();
    if (Loaded) {
      return <Loaded {...props} />;
    }
    if (failed)
      return (
        <div className="notice notice--warn lazy-screen__failed" role="alert">
          <p>
            Could not load {what}: Postwright did not answer. Check that it is still running, then try again.
          </p>
          <button
            type="button"
            onClick={() => {
              setFailed(false);
              setAttempt((count) => count + 1);
            }}
          >
            Try again
          </button>
        </div>
      );
    return <p className={className}>{loadingText}</p>;
  }

  if (idle) fetchedWhenIdle.push(() => code.get().catch(() => undefined));
  return { Screen };
}
