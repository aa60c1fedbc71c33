import { useEffect, type RefObject } from 'react';
import { focusHome } from './focus-home';

/**
 * Keeps the focus from falling to the page: when the focused element leaves the page or becomes
 * disabled (its panel closed, its section switched, its row replaced), the focus goes to the
 * screen's heading (focusHome). A click on empty space leaves the focus where the person put it.
 */
export function useFocusRescue(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    let last: Element | null = document.activeElement;
    const onFocusIn = (event: FocusEvent) => {
      last = event.target as Element;
    };
    // A click on empty space puts the focus on the page on purpose: nothing to rescue then.
    const onPointerDown = () => {
      last = null;
    };
    // The section's heading may come a moment later (a section that loads lazily): until it does,
    // the focus waits on the main area and then moves on to it.
    let waiting: Element | null = null;
    const check = () => {
      if (waiting && document.activeElement === waiting) {
        focusHome();
        if (document.activeElement !== waiting) waiting = null;
        return;
      }
      waiting = null;
      if (document.activeElement !== document.body || !last) return;
      // Still there (a dialog that gave the focus to the page as it closed, before it is removed):
      // remember it, so the change that removes it still brings the focus back.
      if (last.isConnected && !last.matches(':disabled')) return;
      last = null;
      focusHome();
      if (document.activeElement?.id === 'main') waiting = document.activeElement;
    };
    // A removed element takes the focus with it without a focusout in every engine: watch the tree.
    const observer = new MutationObserver(check);
    observer.observe(element, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [root]);
}
