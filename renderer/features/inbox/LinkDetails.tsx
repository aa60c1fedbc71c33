import { useRef, useState, type ReactNode } from 'react';
import { usePanelFocus } from '../../components/usePanelFocus';
import type { Bookmark, BookmarkPatch } from '../../../shared/model/bookmark';
import { safeExternalUrl } from '../../../shared/net/safe-link';
import { RedateField } from './RedateField';

function tagsFromText(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** A text field that saves when it loses focus (or on Enter for one-liners), only if it changed. */
function SavingField({
  label,
  value,
  multiline,
  placeholder,
  onSave,
}: {
  label: string;
  value: string;
  multiline?: boolean;
  placeholder?: string;
  onSave: (next: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  // A change from elsewhere (the fetch filled the title) replaces the field unless the author is typing.
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  const save = () => {
    if (draft !== value) onSave(draft);
  };
  const common = {
    value: draft,
    placeholder,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: save,
  };
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? (
        <textarea rows={4} {...common} />
      ) : (
        <input
          type="text"
          {...common}
          onKeyDown={(event) => {
            if (event.key === 'Enter') save();
          }}
        />
      )}
    </label>
  );
}

/** The selected link's details: the author's title, quote, comment and tags, saved as they leave a field. */
export function LinkDetails({
  link,
  onSave,
  onRetry,
  onArchive,
  onDelete,
  onClose,
  extraActions,
}: {
  link: Bookmark;
  onSave: (patch: BookmarkPatch) => void;
  onRetry: () => void;
  onArchive: () => void;
  onDelete: () => void;
  onClose: () => void;
  extraActions?: ReactNode;
}) {
  const href = safeExternalUrl(link.url);
  const panel = useRef<HTMLElement>(null);
  const { onKeyDown } = usePanelFocus(panel, onClose);
  return (
    <aside ref={panel} className="link-details" aria-label="Link details" onKeyDown={onKeyDown} key={link.id}>
      <div className="link-details__head">
        <h2>Link</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close the link details">
          ✕
        </button>
      </div>
      {href ? (
        <a className="link-details__url" href={href} target="_blank" rel="noopener noreferrer">
          {link.url}
        </a>
      ) : (
        <span className="link-details__url">{link.url}</span>
      )}
      <SavingField
        label="Title"
        value={link.title}
        placeholder={link.meta?.title || 'The page’s title appears here once fetched'}
        onSave={(title) => onSave({ title })}
      />
      <SavingField
        label="Quote (description)"
        value={link.description}
        multiline
        onSave={(description) => onSave({ description })}
      />
      <SavingField
        label="Your comment"
        value={link.comment}
        multiline
        onSave={(comment) => onSave({ comment })}
      />
      <SavingField
        label="Tags (separated by commas)"
        value={link.tags.join(', ')}
        onSave={(text) => onSave({ tags: tagsFromText(text) })}
      />
      <RedateField addedAt={link.addedAt} onSave={(addedAt) => onSave({ addedAt })} />
      <dl className="link-details__facts">
        {link.meta?.siteName && (
          <>
            <dt>Site</dt>
            <dd>{link.meta.siteName}</dd>
          </>
        )}
        {link.meta?.canonicalUrl && link.meta.canonicalUrl !== link.url && (
          <>
            <dt>Canonical address</dt>
            <dd>{link.meta.canonicalUrl}</dd>
          </>
        )}
        <dt>Added</dt>
        <dd>{new Date(link.addedAt).toLocaleString()}</dd>
        <dt>Details</dt>
        <dd data-testid="fetch-state">
          {link.fetch.state === 'failed'
            ? `Couldn’t fetch: ${link.fetch.message}`
            : link.fetch.state === 'done'
              ? (link.fetch.message ?? 'Fetched from the page')
              : link.fetch.state === 'none'
                ? 'Not fetched (imported)'
                : 'Fetching…'}
        </dd>
      </dl>
      <div className="link-details__actions">
        <button type="button" className="button" onClick={onRetry}>
          {link.fetch.state === 'failed' ? 'Retry' : 'Fetch details again'}
        </button>
        <button type="button" className="button" onClick={onArchive}>
          {link.archived ? 'Unarchive' : 'Archive'}
        </button>
        <button type="button" className="button" onClick={onDelete}>
          Delete
        </button>
        {extraActions}
      </div>
    </aside>
  );
}
