import { useRef, type ChangeEvent } from 'react';
import type { Importing } from './useInboxImport';

/** The Inbox heading: how many links, how many are being fetched, and the inbox-wide actions. */
export function InboxHead({
  total,
  fetching,
  showBookmarklet,
  onToggleBookmarklet,
  importing,
  onImport,
  onExport,
  onDigest,
}: {
  total: number | null;
  fetching: number;
  showBookmarklet: boolean;
  onToggleBookmarklet: () => void;
  importing: boolean;
  onImport: (event: ChangeEvent<HTMLInputElement>) => void;
  onExport: () => void;
  onDigest: () => void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <header className="inbox-head">
      <h1 id="inbox-title">Inbox</h1>
      <span className="muted" data-testid="inbox-count">
        {total === null ? '' : `${total.toLocaleString('en')} link${total === 1 ? '' : 's'}`}
      </span>
      {fetching > 0 && (
        <span className="muted" role="status">
          Fetching details of {fetching} link{fetching === 1 ? '' : 's'}…
        </span>
      )}
      <span className="inbox-head__spacer" />
      <div className="inbox-head__actions">
        <button
          type="button"
          className="button"
          onClick={onToggleBookmarklet}
          aria-expanded={showBookmarklet}
        >
          Bookmarklet
        </button>
        <button
          type="button"
          className="button"
          onClick={() => fileInput.current?.click()}
          disabled={importing}
        >
          Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          aria-label="Bookmark file to import"
          accept=".html,.htm,.json,.csv,text/html,application/json,text/csv"
          onChange={onImport}
        />
        <button type="button" className="button" onClick={onExport}>
          Export
        </button>
        <button type="button" className="button button--primary" onClick={onDigest}>
          Build digest
        </button>
      </div>
    </header>
  );
}

/** A bookmark file on its way in: how far it got, when the core knows the count. */
export function ImportProgress({ importing }: { importing: Importing }) {
  const job = importing.job;
  return (
    <div className="import-progress" role="status">
      <span>
        Importing {importing.filename}
        {job?.total ? ` — ${job.done.toLocaleString()} of ${job.total.toLocaleString()} links` : '…'}
      </span>
      <progress
        aria-label={`Importing ${importing.filename}`}
        max={job?.total ?? undefined}
        value={job?.total ? job.done : undefined}
      />
    </div>
  );
}
