import { useEffect, useSyncExternalStore } from 'react';
import type { Settings } from '../../shared/model/settings';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

/** Applies the theme to <html>: the author's choice, or the OS's when the choice is "system". */
export function useTheme(choice: Settings['theme'] | undefined) {
  const osDark = useSyncExternalStore(
    (notify) => {
      const query = darkQuery();
      query.addEventListener('change', notify);
      return () => query.removeEventListener('change', notify);
    },
    () => darkQuery().matches,
  );
  const theme = choice === 'light' || choice === 'dark' ? choice : osDark ? 'dark' : 'light';
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
