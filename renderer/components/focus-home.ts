/**
 * Where the focus goes when the element that had it is gone (a panel closed, a section switched, a
 * button replaced by its result): the heading of the screen in view, which a screen reader reads
 * and from which Tab continues in the section, instead of the page itself (WCAG 2.4.3).
 */
export function focusHome(): void {
  const main = document.getElementById('main');
  if (!main) return;
  const heading = [...main.querySelectorAll<HTMLElement>('h1, h2')].find(
    (element) => element.getClientRects().length > 0,
  );
  const target = heading ?? main;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus({ preventScroll: false });
}

/** Focuses `element` if it is still on the page and can take the focus; true if it did. */
export function focusIfThere(element: Element | null | undefined): boolean {
  if (!(element instanceof HTMLElement) || !element.isConnected) return false;
  if (element.matches(':disabled') || element.getClientRects().length === 0) return false;
  element.focus();
  return document.activeElement === element;
}
