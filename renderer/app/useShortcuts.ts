import { useEffect, useRef } from 'react';

export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>;

/**
 * Desktop shortcuts, written as "mod+1" or "mod+shift+z": mod is Cmd on macOS, Ctrl elsewhere.
 * The latest map is always used; the listener is registered once.
 */
export function useShortcuts(shortcuts: ShortcutMap) {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = navigator.platform.startsWith('Mac') ? event.metaKey : event.ctrlKey;
      if (!mod) return;
      const name = `mod+${event.shiftKey ? 'shift+' : ''}${event.key.toLowerCase()}`;
      const action = latest.current[name];
      if (action) {
        event.preventDefault();
        action(event);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
