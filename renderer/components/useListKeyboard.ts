import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

const TYPE_AHEAD_MS = 800;

export interface ListKeyboardOptions {
  count: number;
  /** The text type-ahead matches (a title), or null for a row not loaded yet. */
  labelAt: (index: number) => string | null;
  /** Delete (and ⌫ on macOS): sends the row to the trash. */
  onDelete?: (index: number) => void;
  /** Makes sure the row exists in the page (a virtualised list scrolls to it). */
  reveal?: (index: number) => void;
}

/**
 * Keyboard for a list of rows, one focusable element each marked `data-list-index`: ↑/↓, Home/End
 * move (the list is one tab stop), Enter opens (the row is a button, so that is its click), Delete
 * trashes, and typing letters jumps to the next row whose label starts with them.
 */
export function useListKeyboard({ count, labelAt, onDelete, reveal }: ListKeyboardOptions) {
  const [active, setActive] = useState(0);
  const container = useRef<HTMLElement | null>(null);
  const typed = useRef({ text: '', at: 0 });
  const wantFocus = useRef<number | null>(null);
  const last = Math.max(0, count - 1);
  const current = Math.min(active, last);

  const focusRow = useCallback((index: number) => {
    const row = container.current?.querySelector<HTMLElement>(`[data-list-index="${index}"]`);
    if (row) {
      row.focus();
      wantFocus.current = null;
    } else wantFocus.current = index;
  }, []);

  // A row scrolled into view by `reveal` appears on a later render: focus it then.
  useEffect(() => {
    if (wantFocus.current !== null) focusRow(wantFocus.current);
  });

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(index, last));
    setActive(target);
    reveal?.(target);
    focusRow(target);
  };

  const typeAhead = (char: string, from: number) => {
    const now = performance.now();
    const text = now - typed.current.at < TYPE_AHEAD_MS ? typed.current.text + char : char;
    typed.current = { text, at: now };
    // A repeated first letter steps through the rows that start with it.
    const start = text.length === 1 ? from + 1 : from;
    for (let step = 0; step < count; step++) {
      const index = (start + step) % count;
      if ((labelAt(index) ?? '').trim().toLowerCase().startsWith(text.toLowerCase())) return moveTo(index);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-list-index]');
    if (!row || event.ctrlKey || event.metaKey || event.altKey) return;
    const index = Number(row.dataset.listIndex);
    // Type-ahead spells one title at a time: any other key starts the next one afresh.
    if (event.key.length !== 1) typed.current = { text: '', at: 0 };
    if (event.key === 'ArrowDown') moveTo(index + 1);
    else if (event.key === 'ArrowUp') moveTo(index - 1);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(last);
    else if ((event.key === 'Delete' || event.key === 'Backspace') && onDelete) {
      setActive(index);
      // The row below moves up into this place: keep the focus on the same position.
      wantFocus.current = Math.min(index, Math.max(0, count - 2));
      onDelete(index);
    } else if (event.key.length === 1 && /\S/.test(event.key)) typeAhead(event.key, index);
    else return;
    event.preventDefault();
  };

  /** For the list element: a row focused by the mouse or Tab becomes the list's one tab stop. */
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const index = (event.target as HTMLElement).closest<HTMLElement>('[data-list-index]')?.dataset.listIndex;
    if (index !== undefined) setActive(Number(index));
  };

  /** Props for a row's focusable element: one tab stop for the whole list. */
  const rowProps = (index: number) => ({
    'data-list-index': index,
    tabIndex: index === current ? 0 : -1,
    onFocus: () => setActive(index),
  });

  /** The list element, as a ref callback. */
  const containerRef = useCallback((element: HTMLElement | null) => {
    container.current = element;
  }, []);

  return { containerRef, onKeyDown, onFocus, rowProps, active: current };
}
