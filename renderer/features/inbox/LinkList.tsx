import { useRef } from 'react';
import { displayTitle } from '../../../shared/inbox/filter';
import type { Bookmark } from '../../../shared/model/bookmark';
import { useListKeyboard } from '../../components/useListKeyboard';
import { useVirtualRows } from '../../components/useVirtualRows';
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
  const { items, listStyle, reveal, placeRow } = useVirtualRows({
    scroller,
    total,
    rowHeight: ROW_HEIGHT,
    overscan: 8,
    ensureRange,
  });
  const { containerRef, onKeyDown, onFocus, active } = useListKeyboard({
    count: total,
    labelAt: (index) => {
      const link = linkAt(index);
      return link ? displayTitle(link) : null;
    },
    reveal,
    onDelete: (index) => {
      const link = linkAt(index);
      if (link) actions.remove(link);
    },
  });

  return (
    <div ref={scroller} className="link-list" data-testid="inbox-scroller">
      <ul
        ref={containerRef}
        className="link-list__rows"
        aria-label="Inbox"
        style={listStyle}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        {items.map((item) => {
          const link = linkAt(item.index);
          return (
            <li key={item.key} className="link-list__item" {...placeRow(item)}>
              {link ? (
                <LinkRow
                  link={link}
                  selected={link.id === selectedId}
                  actions={actions}
                  listIndex={item.index}
                  tabStop={item.index === active}
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
