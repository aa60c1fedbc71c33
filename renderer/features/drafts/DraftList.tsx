import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { DraftSummary } from '../../../shared/model/draft';
import { DraftRow } from './DraftRow';

const ROW_HEIGHT = 80;

/** The drafts, virtualised: only the rows on screen exist in the page, so 10,000 drafts open at once. */
export function DraftList({
  drafts,
  label,
  selectedId,
  onOpen,
  onMenu,
}: {
  drafts: DraftSummary[];
  label: string;
  selectedId: string | null;
  onOpen: (draft: DraftSummary, at: { x: number; y: number }) => void;
  onMenu: (draft: DraftSummary, at: { x: number; y: number }) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual re-renders this component itself; nothing here is memoised
  const virtualizer = useVirtualizer({
    count: drafts.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => drafts[index]!.id,
  });

  return (
    <div ref={scroller} className="draft-list">
      <ul className="draft-list__rows" aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const draft = drafts[item.index]!;
          return (
            <li
              key={item.key}
              className="draft-list__item"
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              aria-setsize={drafts.length}
              aria-posinset={item.index + 1}
            >
              <DraftRow
                draft={draft}
                selected={draft.id === selectedId}
                onOpen={(at) => onOpen(draft, at)}
                onMenu={(at) => onMenu(draft, at)}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
