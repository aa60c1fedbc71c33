import { useState, type RefObject } from 'react';
import type { DraftSummary } from '../../../shared/model/draft';
import { CONNECTION_LOST, useConnectionLost } from '../../core/CoreContext';
import { DraftList } from './DraftList';
import { useDraftList } from './useDraftList';

type At = { x: number; y: number };

/** The left of the Drafts section: New draft, the search, the list (or the trash) and its foot. */
export function DraftsPanel({
  trash,
  query,
  onQueryChange,
  hidden,
  openId,
  newShortcut,
  searchRef,
  importPickerRef,
  onNewDraft,
  onHideList,
  onToggleTrash,
  onImport,
  onOpenDraft,
  onMenu,
  onTrashDraft,
  onEmptyTrash,
}: {
  trash: boolean;
  query: string;
  onQueryChange: (query: string) => void;
  hidden: boolean;
  /** The draft open in the editor, if any: its row is selected and the list may fold. */
  openId: string | null;
  newShortcut: string;
  searchRef: RefObject<HTMLInputElement | null>;
  importPickerRef: RefObject<HTMLInputElement | null>;
  onNewDraft: () => void;
  onHideList: () => void;
  onToggleTrash: () => void;
  onImport: (file: File | undefined) => void;
  onOpenDraft: (id: string) => void;
  onMenu: (summary: DraftSummary, at: At) => void;
  onTrashDraft: (summary: DraftSummary) => void;
  onEmptyTrash: () => void;
}) {
  const { total, draftAt, ensureRange, error: listError } = useDraftList(query, trash);
  // While the host cannot be reached the list cannot be read: it says so, never "no drafts".
  const lost = useConnectionLost();
  const problem = lost ? CONNECTION_LOST : listError;
  return (
    <section className="drafts-panel" aria-label={trash ? 'Trash' : 'Drafts'} hidden={hidden}>
      <div className="drafts-panel__head">
        <h1 className="drafts-panel__title">{trash ? 'Trash' : 'Drafts'}</h1>
        {!trash && (
          <button type="button" className="button button--primary" title={newShortcut} onClick={onNewDraft}>
            New draft
          </button>
        )}
        {openId !== null && (
          <button
            type="button"
            className="icon-button drafts-panel__fold"
            aria-label="Hide the drafts list"
            aria-expanded={true}
            title="Hide the drafts list"
            onClick={onHideList}
          >
            «
          </button>
        )}
      </div>
      <input
        ref={searchRef}
        type="search"
        className="drafts-panel__search"
        aria-label={trash ? 'Search the trash' : 'Search drafts'}
        placeholder={trash ? 'Search the trash' : 'Search titles and text'}
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
      />
      <input
        ref={importPickerRef}
        type="file"
        hidden
        aria-label="Markdown or HTML file to import"
        accept=".md,.markdown,.html,.htm,text/markdown,text/html"
        onChange={(event) => {
          onImport(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      {problem && (
        <p className="notice notice--warn" role="alert">
          {problem}
        </p>
      )}
      {total !== null && total > 0 && (
        <DraftList
          total={total}
          draftAt={draftAt}
          ensureRange={ensureRange}
          label={trash ? 'Trash' : 'Drafts'}
          selectedId={trash ? null : openId}
          onOpen={(draft, at) => (trash ? onMenu(draft, at) : onOpenDraft(draft.id))}
          onMenu={onMenu}
          {...(trash ? {} : { onTrash: onTrashDraft })}
        />
      )}
      {total === 0 && !lost && <ListEmptyState query={query} trash={trash} newShortcut={newShortcut} />}
      <ListFoot
        trash={trash}
        hasDrafts={total !== null && total > 0}
        onToggleTrash={onToggleTrash}
        onEmptyTrash={onEmptyTrash}
      />
    </section>
  );
}

/** The way to the trash and back, and emptying it, asked once more before anything is deleted. */
function ListFoot({
  trash,
  hasDrafts,
  onToggleTrash,
  onEmptyTrash,
}: {
  trash: boolean;
  hasDrafts: boolean;
  onToggleTrash: () => void;
  onEmptyTrash: () => void;
}) {
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  return (
    <div className="drafts-panel__foot">
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setConfirmEmpty(false);
          onToggleTrash();
        }}
      >
        {trash ? '← Back to drafts' : 'Trash'}
      </button>
      {trash && hasDrafts && !confirmEmpty && (
        <button type="button" className="button" onClick={() => setConfirmEmpty(true)}>
          Empty trash
        </button>
      )}
      {trash && confirmEmpty && (
        <span className="drafts-panel__confirm" role="group" aria-label="Confirm emptying the trash">
          Delete for good?
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              setConfirmEmpty(false);
              onEmptyTrash();
            }}
          >
            Empty trash
          </button>
          <button type="button" className="button" onClick={() => setConfirmEmpty(false)}>
            Keep
          </button>
        </span>
      )}
    </div>
  );
}

function ListEmptyState({
  query,
  trash,
  newShortcut,
}: {
  query: string;
  trash: boolean;
  newShortcut: string;
}) {
  const text = query.trim()
    ? `No ${trash ? 'trashed ' : ''}drafts match “${query.trim()}”. Try fewer or different words.`
    : trash
      ? 'The trash is empty. Drafts you move to the trash wait here until you empty it.'
      : `No drafts yet. Press ${newShortcut} to start writing.`;
  return <p className="drafts-panel__empty">{text}</p>;
}
