import { useCallback, useState } from 'react';
import { useUiState } from '../../app/UiStateContext';
import { Toast, useToast } from '../../components/Toast';
import {
  CONNECTION_LOST,
  useConnectionLost,
  useCore,
  useCoreEvent,
  useCoreValue,
} from '../../core/CoreContext';
import { DigestView } from '../digest/DigestView';
import { PeriodDrops } from '../digest/schedule/PeriodDrops';
import { BookmarkletPanel } from './BookmarkletPanel';
import { ImportProgress, InboxHead } from './InboxHead';
import { InboxFilters, QuickAdd, type ListFilter } from './InboxToolbar';
import { LinkDetails } from './LinkDetails';
import { LinkList } from './LinkList';
import { PublishBookmark } from './PublishBookmark';
import { useAddLinks } from './useAddLinks';
import { useInboxImport } from './useInboxImport';
import { useInboxList } from './useInboxList';
import { useLinkActions } from './useLinkActions';
import './inbox.css';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
  const lost = useConnectionLost();
  const [filter, setFilter] = useState<ListFilter>({ used: 'all', archived: 'active' });
  const { total, linkAt, find, ensureRange, error } = useInboxList(filter);
  const tags = useInboxTags();
  const fetching = useFetchingCount();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [toast, showToast] = useToast();
  const [showBookmarklet, setShowBookmarklet] = useState(false);
  const fail = useCallback(
    (error: unknown) => showToast({ text: message(error), tone: 'error' }),
    [showToast],
  );
  const add = useAddLinks(fail, showToast);
  const { importing, importFile, exportAll } = useInboxImport(fail, showToast);
  const { update, retry, archive, remove, rowActions } = useLinkActions(
    { selectedId, setSelectedId },
    fail,
    showToast,
  );
  const selected = selectedId ? find(selectedId) : null;

  return (
    <section className="inbox-view" aria-labelledby="inbox-title">
      <div className="inbox-main">
        <InboxHead
          total={total}
          fetching={fetching}
          showBookmarklet={showBookmarklet}
          onToggleBookmarklet={() => setShowBookmarklet((shown) => !shown)}
          importing={Boolean(importing)}
          onImport={(event) => void importFile(event)}
          onExport={exportAll}
          onDigest={onDigest}
        />
        {showBookmarklet && <BookmarkletPanel />}
        <QuickAdd onAdd={(urls) => add(urls.map((url) => ({ url })))} />
        <InboxFilters filter={filter} tags={tags ?? []} onChange={setFilter} />
        <PeriodDrops />
        {importing && <ImportProgress importing={importing} />}
        {lost ? (
          <p className="notice notice--warn" role="alert">
            {CONNECTION_LOST}
          </p>
        ) : (
          error && <p className="notice notice--warn">The inbox could not be loaded: {error}</p>
        )}
        {total === 0 && !lost ? (
          <NoLinks filtered={Object.keys(filter).length > 2} />
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

/** The tags in use, for the filter: read again whenever the inbox changes. */
function useInboxTags() {
  const core = useCore();
  const [tags, setTags] = useCoreValue((client) => client.call('inbox-tags', {}));
  useCoreEvent('inbox-changed', () => {
    void core.call('inbox-tags', {}).then(setTags, () => undefined);
  });
  return tags;
}

/** How many links wait for or are having their title and summary fetched. */
function useFetchingCount() {
  const [fetching, setFetching] = useState(0);
  useCoreEvent('inbox-metadata', (state) => setFetching(state.queued + state.active));
  return fetching;
}

function NoLinks({ filtered }: { filtered: boolean }) {
  return (
    <div className="inbox-empty">
      <h2>{filtered ? 'No links match' : 'No links yet'}</h2>
      <p>
        Drag links here from your browser, paste an address, type one above, or import a bookmark file from
        your browser, Pinboard or Pocket.
      </p>
    </div>
  );
}
