import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { DraftSummary } from '../../../shared/model/draft';
import { useListKeyboard } from '../../components/useListKeyboard';
import { DraftRow } from './DraftRow';

const ROW_HEIGHT = 80;

/**
 * The drafts, virtualised: only the rows on screen exist in the page, and only their pages are
 * fetched (`ensureRange`), so 10,000 drafts open at once. A row not loaded yet shows as a blank row.
 */
export function DraftList({
  total,
  draftAt,
  ensureRange,
  label,
  selectedId,
  onOpen,
  onMenu,
  onTrash,
}: {
  total: number;
  draftAt: (index: number) => DraftSummary | null;
  ensureRange: (first: number, last: number) => void;
  label: string;
  selectedId: string | null;
  onOpen: (draft: DraftSummary, at: { x: number; y: number }) => void;
  onMenu: (draft: DraftSummary, at: { x: number; y: number }) => void;
  /** Delete on a focused row. */
  onTrash?: (draft: DraftSummary) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual re-renders this component itself; nothing here is memoised
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // No getItemKey: a new key function on each render would make the virtualizer re-measure every
    // row whenever a page arrives; rows are one fixed height, so the index is the key.
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => ensureRange(first, last), [ensureRange, first, last]);
  const keyboard = useListKeyboard({
    count: total,
    labelAt: (index) => draftAt(index)?.title ?? null,
    reveal: (index) => virtualizer.scrollToIndex(index),
    ...(onTrash
      ? {
          onDelete: (index: number) => {
            const draft = draftAt(index);
            if (draft) onTrash(draft);
          },
        }
      : {}),
  });

  return (
    <div ref={scroller} className="draft-list">
      <ul
        ref={keyboard.containerRef}
        className="draft-list__rows"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={keyboard.onKeyDown}
      >
        {items.map((item) => {
          const draft = draftAt(item.index);
          return (
            <li
              key={item.key}
              className="draft-list__item"
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              aria-setsize={total}
              aria-posinset={item.index + 1}
            >
              {draft ? (
                <DraftRow
                  focusProps={keyboard.rowProps(item.index)}
                  draft={draft}
                  selected={draft.id === selectedId}
                  onOpen={(at) => onOpen(draft, at)}
                  onMenu={(at) => onMenu(draft, at)}
                />
              ) : (
                <div className="draft-list__loading" aria-busy="true" />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
