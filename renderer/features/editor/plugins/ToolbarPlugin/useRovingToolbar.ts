import { useEffect, useRef, type KeyboardEvent } from 'react';

const ITEMS = 'button:not([disabled]), select:not([disabled])';
const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/**
 * The toolbar is one Tab stop (WAI-ARIA toolbar pattern): Tab reaches the control used last (the
 * first at the start), Left/Right/Home/End move between its controls, whatever they are (a button
 * added later joins without being listed here). Disabled controls are skipped.
 */
export function useRovingToolbar() {
  const toolbar = useRef<HTMLDivElement>(null);
  const current = useRef<Element | null>(null);

  // After every render: exactly one control can be tabbed to (the controls change as the selection does).
  useEffect(() => {
    const items = [...(toolbar.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
    const stop = items.find((item) => item === current.current) ?? items[0];
    for (const item of items) item.tabIndex = item === stop ? 0 : -1;
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = MOVES[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>(ITEMS)];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (index < 0) return;
    event.preventDefault();
    const next = items[move(index, items.length)]!;
    for (const item of items) item.tabIndex = item === next ? 0 : -1;
    current.current = next;
    next.focus();
  };

  const onFocus = (event: { target: Element }) => {
    if (event.target.matches(ITEMS)) current.current = event.target;
  };

  return { ref: toolbar, onKeyDown, onFocus };
}
