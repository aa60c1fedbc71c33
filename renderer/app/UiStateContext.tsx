import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { UiState, UiStatePatch } from '../../shared/model/ui-state';
import { useCore } from '../core/CoreContext';

interface UiStateValue {
  state: UiState;
  update(patch: UiStatePatch): void;
}

const UiStateContext = createContext<UiStateValue | null>(null);

export function useUiState(): UiStateValue {
  const value = useContext(UiStateContext);
  if (!value) throw new Error('UiStateProvider is missing');
  return value;
}

/**
 * Where the author left off (ui-state.json through the core): read before the app first paints, so
 * it opens on the same screen and draft; each change is written back as it happens.
 */
export function UiStateProvider({ children }: { children: ReactNode }) {
  const core = useCore();
  const [state, setState] = useState<UiState | null>(null);
  const current = useRef<UiState | null>(null);

  useEffect(() => {
    let live = true;
    core
      .call('ui-state-get', {})
      // Without it the app still opens, on its first screen (the defaults' schema loads only then).
      .catch(async () => (await import('../../shared/model/ui-state')).uiStateSchema.parse({}))
      .then((loaded) => {
        if (!live) return;
        current.current = loaded;
        setState(loaded);
      });
    return () => {
      live = false;
    };
  }, [core]);

  const update = useCallback(
    (patch: UiStatePatch) => {
      if (!current.current) return;
      const changed = Object.entries(patch).some(
        ([key, value]) => JSON.stringify(current.current![key as keyof UiState]) !== JSON.stringify(value),
      );
      if (!changed) return;
      current.current = { ...current.current, ...patch };
      setState(current.current);
      core.call('ui-state-update', { patch }).catch(() => undefined);
    },
    [core],
  );

  if (!state) return null;
  return <UiStateContext.Provider value={{ state, update }}>{children}</UiStateContext.Provider>;
}
