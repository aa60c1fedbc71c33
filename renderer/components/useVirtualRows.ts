import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, type RefObject } from 'react';

export interface VirtualRowsOptions {
  /** The element that scrolls. The caller holds it, so what this returns carries no ref to read. */
  scroller: RefObject<HTMLElement | null>;
  total: number;
  /** Every row's height in pixels: the rows are one fixed height. */
  rowHeight: number;
  /** Rows kept in the page beyond each edge of the screen. */
  overscan: number;
  /** Loads the rows from `first` to `last` (a paged list fetches their pages). */
  ensureRange: (first: number, last: number) => void;
}

/**
 * A long list of fixed-height rows, virtualised: only the rows on screen (and `overscan` beyond)
 * exist in the page, and `ensureRange` is told which ones those are, so 10,000 rows open at once.
 * Put `listStyle` on the list and `placeRow(item)` (with `key={item.key}`) on each row.
 */
export function useVirtualRows({ scroller, total, rowHeight, overscan, ensureRange }: VirtualRowsOptions) {
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual re-renders the calling component itself; nothing here is memoised
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan,
    // No getItemKey: a new key function on each render would make the virtualizer re-measure every
    // row whenever a page arrives; rows are one fixed height, so the index is the key.
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => ensureRange(first, last), [ensureRange, first, last]);
  return {
    items,
    listStyle: { height: virtualizer.getTotalSize() },
    reveal: (index: number) => virtualizer.scrollToIndex(index),
    /** A row's place: where it stands and, for a screen reader, its position among all `total`. */
    placeRow: (item: VirtualItem) => ({
      style: { transform: `translateY(${item.start}px)`, height: rowHeight },
      'aria-setsize': total,
      'aria-posinset': item.index + 1,
    }),
  };
}
