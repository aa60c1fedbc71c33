import { useId, type MouseEvent } from 'react';
import type { DraftSummary } from '../../../shared/model/draft';
import { fullDate, shortDate } from './format-date';
import { StatusBadge } from './StatusBadge';

/** One draft in the list: title, first words, date, status; click opens it, ⋯ or right-click acts on it. */
export function DraftRow({
  draft,
  selected,
  onOpen,
  onMenu,
  focusProps,
}: {
  /** Makes the row one stop of its list's keyboard (useListKeyboard). */
  focusProps?: { 'data-list-index': number; tabIndex: number; onFocus: () => void };
  draft: DraftSummary;
  selected: boolean;
  onOpen: (at: { x: number; y: number }) => void;
  onMenu: (at: { x: number; y: number }) => void;
}) {
  const openMenuAt = (event: MouseEvent) => {
    event.preventDefault();
    onMenu({ x: event.clientX, y: event.clientY });
  };
  const title = draft.title.trim() || 'Untitled';
  // The button is named by what it shows (title, date, words, status); the first words sit beside
  // it, between those lines, as its description, so the name stays short and matches its text.
  const snippetId = useId();
  return (
    <div className={`draft-row${selected ? ' draft-row--selected' : ''}`} onContextMenu={openMenuAt}>
      <button
        type="button"
        className={`draft-row__open${draft.featuredImage ? ' draft-row__open--thumb' : ''}`}
        {...focusProps}
        aria-current={selected ? 'true' : undefined}
        aria-describedby={snippetId}
        onClick={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          onOpen({ x: box.left + 24, y: box.bottom - 8 });
        }}
        onKeyDown={(event) => {
          if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
            event.preventDefault();
            const box = event.currentTarget.getBoundingClientRect();
            onMenu({ x: box.left + 24, y: box.bottom - 8 });
          }
        }}
      >
        {draft.featuredImage && <img className="draft-row__thumb" src={draft.featuredImage} alt="" />}
        <span className="draft-row__title">{title}</span>
        <span className="draft-row__meta">
          <time dateTime={draft.updatedAt} title={`Edited ${fullDate(draft.updatedAt)}`}>
            {shortDate(draft.updatedAt)}
          </time>
          <span aria-hidden="true">·</span>
          <span>{draft.wordCount === 1 ? '1 word' : `${draft.wordCount.toLocaleString()} words`}</span>
          <StatusBadge
            status={draft.status}
            title={
              draft.status === 'scheduled' && draft.publishAt
                ? `Goes out ${fullDate(draft.publishAt)}`
                : undefined
            }
          />
        </span>
      </button>
      <span className="draft-row__snippet" id={snippetId}>
        {draft.snippet || 'No text yet'}
      </span>
      <button
        type="button"
        className="draft-row__more"
        aria-label={`Actions for ${title}`}
        tabIndex={focusProps ? -1 : undefined}
        aria-haspopup="menu"
        title="Actions"
        onClick={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          onMenu({ x: box.left, y: box.bottom + 2 });
        }}
      >
        ⋯
      </button>
    </div>
  );
}
