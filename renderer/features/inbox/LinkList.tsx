import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { displayTitle } from '../../../shared/inbox/filter';
import type { Bookmark } from '../../../shared/model/bookmark';
import { useListKeyboard } from '../../components/useListKeyboard';
import { LinkRow, type LinkActions } from './LinkRow';

const ROW_HEIGHT = 84;

/**
 * The inbox's links, virtualised: only rows on screen exist, so 10,000 links open and scroll smoothly.
 * One tab stop: arrows move, Enter opens a link's details, Delete deletes it (with Undo), letters jump.
 */
export function LinkList({
  total,
  linkAt,
  ensureRange,
  selectedId,
  actions,
}: {
  total: number;
  linkAt: (index: number) => Bookmark | null;
  ensureRange: (first: number, last: number) => void;
  selectedId: string | null;
  actions: LinkActions;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual re-renders this component itself; nothing here is memoised
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // No getItemKey: a new key function on each render would make the virtualizer re-measure all
    // 10,000 rows whenever a page arrives; rows are one fixed height, so the index is the key.
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => ensureRange(first, last), [ensureRange, first, last]);
  const keyboard = useListKeyboard({
    count: total,
    labelAt: (index) => {
      const link = linkAt(index);
      return link ? displayTitle(link) : null;
    },
    reveal: (index) => virtualizer.scrollToIndex(index),
    onDelete: (index) => {
      const link = linkAt(index);
      if (link) actions.remove(link);
    },
  });

  return (
    <div ref={scroller} className="link-list" data-testid="inbox-scroller">
      <ul
        ref={keyboard.containerRef}
        className="link-list__rows"
        aria-label="Inbox"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={keyboard.onKeyDown}
        onFocus={keyboard.onFocus}
      >
        {items.map((item) => {
          const link = linkAt(item.index);
          return (
            <li
              key={item.key}
              className="link-list__item"
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              aria-setsize={total}
              aria-posinset={item.index + 1}
            >
              {link ? (
                <LinkRow
                  link={link}
                  selected={link.id === selectedId}
                  actions={actions}
                  listIndex={item.index}
                  tabStop={item.index === keyboard.active}
                />
              ) : (
                <div className="link-row link-row--loading" aria-busy="true" />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
