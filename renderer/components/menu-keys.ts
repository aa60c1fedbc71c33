import type { KeyboardEvent } from 'react';

/**
 * The keys of an open menu (WAI-ARIA menu pattern): Up/Down/Home/End move between its items
 * (wrapping), Escape and Tab close it. Returns whether the key was the menu's, so the caller stops it.
 */
export function menuKey(event: KeyboardEvent, menu: HTMLElement | null, close: () => void): boolean {
  const items = Array.from(menu?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);
  const index = items.indexOf(document.activeElement as HTMLElement);
  const move = (to: number) => items[(to + items.length) % items.length]?.focus();
  if (event.key === 'ArrowDown') move(index + 1);
  else if (event.key === 'ArrowUp') move(index - 1);
  else if (event.key === 'Home') move(0);
  else if (event.key === 'End') move(items.length - 1);
  else if (event.key === 'Escape' || event.key === 'Tab') close();
  else return false;
  event.preventDefault();
  event.stopPropagation();
  return true;
}
