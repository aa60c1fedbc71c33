import { memo, useId } from 'react';
import { displayTitle } from '../../../shared/inbox/filter';
import type { Bookmark } from '../../../shared/model/bookmark';
import { LINK_DRAG_TYPE } from '../digest/schedule/PeriodDrops';

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** The fetch state in words: what is happening to the link's title and description. */
function FetchState({ link, onRetry }: { link: Bookmark; onRetry: () => void }) {
  switch (link.fetch.state) {
    case 'pending':
    case 'fetching':
      return (
        <span className="link-row__state link-row__state--busy" data-state="fetching">
          <span className="spinner" aria-hidden="true" /> Fetching title…
        </span>
      );
    case 'failed':
      return (
        <span className="link-row__state link-row__state--failed" data-state="failed">
          <span title={link.fetch.message ?? undefined}>Couldn’t fetch: {link.fetch.message}</span>
          <button
            type="button"
            className="link-button"
            onClick={(event) => {
              event.stopPropagation();
              onRetry();
            }}
          >
            Retry
          </button>
        </span>
      );
    case 'done':
      return link.fetch.message ? (
        <span className="link-row__state" data-state="done">
          {link.fetch.message}
        </span>
      ) : null;
    default:
      return null;
  }
}

export interface LinkActions {
  select(link: Bookmark): void;
  retry(link: Bookmark): void;
  archive(link: Bookmark): void;
  remove(link: Bookmark): void;
}

/**
 * One link of the inbox: title, site, date, tags, and how its fetch went. Memoised with stable
 * actions, so scrolling renders only the rows that come into view.
 */
export const LinkRow = memo(function LinkRow({
  link,
  selected,
  actions,
  listIndex,
  tabStop,
}: {
  link: Bookmark;
  selected: boolean;
  actions: LinkActions;
  /** Its place in the list's keyboard (useListKeyboard); plain values, so the memo holds. */
  listIndex: number;
  tabStop: boolean;
}) {
  const title = displayTitle(link);
  // The button is named by what it shows (title, site, date, marks); the address under it is its
  // description, left out when the title already is the address.
  const urlId = useId();
  return (
    <div
      className={`link-row${selected ? ' link-row--selected' : ''}`}
      data-url={link.url}
      data-fetch={link.fetch.state}
      draggable
      onDragStart={(event) => {
        // Onto a digest period (PeriodDrops), which re-dates the link.
        event.dataTransfer.setData(LINK_DRAG_TYPE, `${link.id} ${link.addedAt}`);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <div className="link-row__body">
        <button
          type="button"
          className="link-row__main"
          data-list-index={listIndex}
          tabIndex={tabStop ? 0 : -1}
          aria-pressed={selected}
          aria-describedby={title === link.url ? undefined : urlId}
          onClick={() => actions.select(link)}
        >
          <span className="link-row__title">{title}</span>
          <span className="link-row__meta">
            <span className="link-row__host">{link.meta?.siteName || hostOf(link.url)}</span>
            <span aria-hidden="true">·</span>
            <time dateTime={link.addedAt}>{dateFormat.format(new Date(link.addedAt))}</time>
            {link.usedIn.length > 0 && <span className="badge badge--used">In a digest</span>}
            {link.archived && <span className="badge">Archived</span>}
            {link.tags.slice(0, 4).map((tag) => (
              <span key={tag} className="tag-chip">
                {tag}
              </span>
            ))}
          </span>
        </button>
        <span className="link-row__url" id={urlId}>
          {link.url}
        </span>
      </div>
      <span className="link-row__side">
        <FetchState link={link} onRetry={() => actions.retry(link)} />
        <span className="link-row__actions">
          <button
            type="button"
            className="icon-button"
            onClick={() => actions.archive(link)}
            aria-label={`${link.archived ? 'Unarchive' : 'Archive'} ${title}`}
          >
            {link.archived ? 'Unarchive' : 'Archive'}
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={() => actions.remove(link)}
            aria-label={`Delete ${title}`}
          >
            Delete
          </button>
        </span>
      </span>
    </div>
  );
});
