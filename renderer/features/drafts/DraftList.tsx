import { useRef } from 'react';
import type { DraftSummary } from '../../../shared/model/draft';
import { useListKeyboard } from '../../components/useListKeyboard';
import { useVirtualRows } from '../../components/useVirtualRows';
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
  const { items, listStyle, reveal, placeRow } = useVirtualRows({
    scroller,
    total,
    rowHeight: ROW_HEIGHT,
    overscan: 6,
    ensureRange,
  });
  const { containerRef, onKeyDown, rowProps } = useListKeyboard({
    count: total,
    labelAt: (index) => draftAt(index)?.title ?? null,
    reveal,
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
        ref={containerRef}
        className="draft-list__rows"
        aria-label={label}
        style={listStyle}
        onKeyDown={onKeyDown}
      >
        {items.map((item) => {
          const draft = draftAt(item.index);
          return (
            <li key={item.key} className="draft-list__item" {...placeRow(item)}>
              {draft ? (
                <DraftRow
                  focusProps={rowProps(item.index)}
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
