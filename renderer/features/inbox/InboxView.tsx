import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { Bookmark, BookmarkPatch, NewLink } from '../../../shared/model/bookmark';
import type { JobProgress } from '../../../shared/model/job';
import { useUiState } from '../../app/UiStateContext';
import {
  CONNECTION_LOST,
  useConnectionLost,
  useCore,
  useCoreEvent,
  useCoreValue,
} from '../../core/CoreContext';
import { DigestView } from '../digest/DigestView';
import { downloadText } from '../drafts/download';
import { BookmarkletPanel } from './BookmarkletPanel';
import { linksFromTransfer } from './drop-data';
import { InboxFilters, QuickAdd, type ListFilter } from './InboxToolbar';
import { PeriodDrops } from '../digest/schedule/PeriodDrops';
import { LinkDetails } from './LinkDetails';
import { LinkList } from './LinkList';
import type { LinkActions } from './LinkRow';
import { PublishBookmark } from './PublishBookmark';
import { announce } from '../../components/Announcer';
import { Toast, useToast } from '../../components/Toast';
import { useInboxList } from './useInboxList';
import './inbox.css';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Where a paste belongs to a field: the inbox only takes pastes aimed at nothing in particular. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof Element && Boolean(target.closest('input, textarea, select, [contenteditable="true"]'))
  );
}

/** The Inbox section: links to read and quote, then the digest built from them. */
export function InboxView() {
  // Kept with where the author left off, so the Go menu's Digest and a restart land on it.
  const ui = useUiState();
  return ui.state.inboxMode === 'digest' ? (
    <DigestView onBack={() => ui.update({ inboxMode: 'links' })} />
  ) : (
    <LinkInbox onDigest={() => ui.update({ inboxMode: 'digest' })} />
  );
}

function LinkInbox({ onDigest }: { onDigest: () => void }) {
  const core = useCore();
  const lost = useConnectionLost();
  const [filter, setFilter] = useState<ListFilter>({ used: 'all', archived: 'active' });
  const { total, linkAt, find, ensureRange, error } = useInboxList(filter);
  const [tags, setTags] = useCoreValue((client) => client.call('inbox-tags', {}));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [toast, showToast] = useToast();
  const [importing, setImporting] = useState<{ filename: string; job: JobProgress | null } | null>(null);
  const [showBookmarklet, setShowBookmarklet] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const [fetching, setFetching] = useState(0);
  useCoreEvent('inbox-metadata', (state) => setFetching(state.queued + state.active));

  useCoreEvent('inbox-changed', () => {
    void core.call('inbox-tags', {}).then(setTags, () => undefined);
  });
  useCoreEvent('progress', (job) => {
    setImporting((current) =>
      current && job.label === `Importing ${current.filename}` ? { ...current, job } : current,
    );
  });

  const fail = useCallback(
    (error: unknown) => showToast({ text: message(error), tone: 'error' }),
    [showToast],
  );

  const add = useCallback(
    async (incoming: NewLink[]): Promise<boolean> => {
      try {
        const result = await core.call('inbox-add', { links: incoming });
        if (result.rejected.length) {
          showToast({ text: `${result.rejected[0]!.url}: ${result.rejected[0]!.reason}`, tone: 'error' });
        } else if (result.merged && !result.added) {
          showToast({ text: 'That link is already in the inbox; the two were merged.' });
        } else if (result.added) {
          // The row appears where the eye may not be; a screen reader is told.
          announce(
            result.added === 1 ? 'Added the link to the inbox.' : `Added ${result.added} links to the inbox.`,
          );
        }
        return result.rejected.length === 0;
      } catch (failure) {
        fail(failure);
        return false;
      }
    },
    [core, fail, showToast],
  );

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isTyping(event.target) || !event.clipboardData) return;
      const pasted = linksFromTransfer(event.clipboardData);
      if (pasted.length === 0) return;
      event.preventDefault();
      void add(pasted);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [add]);

  const selected = selectedId ? find(selectedId) : null;

  const update = (link: Bookmark, patch: BookmarkPatch) =>
    void core.call('inbox-update', { id: link.id, patch }).catch(fail);
  const retry = (link: Bookmark) => void core.call('inbox-refetch', { ids: [link.id] }).catch(fail);
  const archive = (link: Bookmark) =>
    void core.call('inbox-archive', { ids: [link.id], archived: !link.archived }).then(
      () =>
        showToast({
          text: link.archived ? 'Moved back to the inbox.' : 'Archived.',
          action: {
            label: 'Undo',
            run: () =>
              void core.call('inbox-archive', { ids: [link.id], archived: link.archived }).catch(fail),
          },
        }),
      fail,
    );
  const remove = (link: Bookmark) => {
    if (selectedId === link.id) setSelectedId(null);
    void core.call('inbox-delete', { ids: [link.id] }).then(
      () =>
        showToast({
          text: `Deleted “${link.title || link.url}”.`,
          action: {
            label: 'Undo',
            run: () => void core.call('inbox-restore', { ids: [link.id] }).catch(fail),
          },
        }),
      fail,
    );
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setImporting({ filename: file.name, job: null });
    try {
      const result = await core.call('inbox-import', { filename: file.name, content: await file.text() });
      const skipped = result.skipped.length
        ? `; ${result.skipped.length} skipped (${result.skipped[0]!.reason})`
        : '';
      showToast({
        text: `Imported ${file.name}: ${result.added} added, ${result.merged} already there and merged${skipped}.`,
      });
    } catch (failure) {
      fail(failure);
    } finally {
      setImporting(null);
    }
  };

  const exportAll = () =>
    void core.call('inbox-export', {}).then((result) => {
      downloadText(result.filename, result.content, 'text/html');
      showToast({ text: `Exported ${result.count} links as ${result.filename}.` });
    }, fail);

  // Rows get one stable set of actions (so they can skip re-rendering); it calls the latest handlers.
  const latest = useRef({ retry, archive, remove });
  useEffect(() => {
    latest.current = { retry, archive, remove };
  });
  const rowActions = useMemo<LinkActions>(
    () => ({
      select: (link) => setSelectedId((current) => (current === link.id ? null : link.id)),
      retry: (link) => latest.current.retry(link),
      archive: (link) => latest.current.archive(link),
      remove: (link) => latest.current.remove(link),
    }),
    [],
  );

  const job = importing?.job;
  return (
    <section className="inbox-view" aria-labelledby="inbox-title">
      <div className="inbox-main">
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
              onClick={() => setShowBookmarklet((shown) => !shown)}
              aria-expanded={showBookmarklet}
            >
              Bookmarklet
            </button>
            <button
              type="button"
              className="button"
              onClick={() => fileInput.current?.click()}
              disabled={Boolean(importing)}
            >
              Import…
            </button>
            <input
              ref={fileInput}
              type="file"
              hidden
              aria-label="Bookmark file to import"
              accept=".html,.htm,.json,.csv,text/html,application/json,text/csv"
              onChange={(event) => void importFile(event)}
            />
            <button type="button" className="button" onClick={exportAll}>
              Export
            </button>
            <button type="button" className="button button--primary" onClick={onDigest}>
              Build digest
            </button>
          </div>
        </header>
        {showBookmarklet && <BookmarkletPanel />}
        <QuickAdd onAdd={(urls) => add(urls.map((url) => ({ url })))} />
        <InboxFilters filter={filter} tags={tags ?? []} onChange={setFilter} />
        <PeriodDrops />
        {importing && (
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
        )}
        {lost ? (
          <p className="notice notice--warn" role="alert">
            {CONNECTION_LOST}
          </p>
        ) : (
          error && <p className="notice notice--warn">The inbox could not be loaded: {error}</p>
        )}
        {total === 0 && !lost ? (
          <div className="inbox-empty">
            <h2>{Object.keys(filter).length > 2 ? 'No links match' : 'No links yet'}</h2>
            <p>
              Drag links here from your browser, paste an address, type one above, or import a bookmark file
              from your browser, Pinboard or Pocket.
            </p>
          </div>
        ) : (
          total !== null && (
            <LinkList
              total={total}
              linkAt={linkAt}
              ensureRange={ensureRange}
              selectedId={selectedId}
              actions={rowActions}
            />
          )
        )}
      </div>
      {selected && (
        <LinkDetails
          link={selected}
          onSave={(patch) => update(selected, patch)}
          onRetry={() => retry(selected)}
          onArchive={() => archive(selected)}
          onDelete={() => remove(selected)}
          onClose={() => setSelectedId(null)}
          extraActions={<PublishBookmark link={selected} onResult={showToast} />}
        />
      )}
      <div className="toast-dock">
        <Toast toast={toast} onDismiss={() => showToast(null)} />
      </div>
    </section>
  );
}
