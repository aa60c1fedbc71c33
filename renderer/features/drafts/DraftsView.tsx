import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Draft, DraftRevision, DraftSummary } from '../../../shared/model/draft';
import { useShortcuts } from '../../app/useShortcuts';
import { useMediaQuery } from '../../components/useMediaQuery';
import { CONNECTION_LOST, useConnectionLost, useCore } from '../../core/CoreContext';
import { DraftSession } from '../editor/draft-session';
import { DraftList } from './DraftList';
import { DraftMenu, type MenuItem } from './DraftMenu';
import { DraftsRail } from './DraftsRail';
import { downloadText } from './download';
import './drafts.css';
import { RevisionsDialog } from './RevisionsDialog';
import { useDraftList } from './useDraftList';

// Lexical and the sanitiser load after the list has painted.
const Editor = lazy(() => import('../editor/Editor'));

const isMac = navigator.platform.startsWith('Mac');
const NEW_SHORTCUT = isMac ? '⌘N' : 'Ctrl+N';
/** Below this width the list and the post panel do not both fit beside the text: one folds away. */
const NARROW = '(max-width: 1279px)';

interface OpenDraft {
  draft: Draft;
  session: DraftSession;
  /** Changes when the same draft is reloaded (a revision restored), so the editor starts afresh. */
  version: number;
  /** Just made with New draft: the title takes the focus. */
  fresh: boolean;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The Drafts section: the list (or the trash) on the left, the open draft on the right. */
export function DraftsView() {
  const core = useCore();
  const [query, setQuery] = useState('');
  const [trash, setTrash] = useState(false);
  const { total, draftAt, ensureRange, error: listError } = useDraftList(query, trash);
  // While the host cannot be reached the list cannot be read: it says so, never "no drafts".
  const lost = useConnectionLost();
  const [open, setOpen] = useState<OpenDraft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ title: string; items: MenuItem[]; at: { x: number; y: number } } | null>(
    null,
  );
  const [revisionsOf, setRevisionsOf] = useState<DraftSummary | null>(null);
  // The list, the text and the post panel share the width. Where all three do not fit, the panel
  // opening folds the list into a strip, and the list unfolding closes the panel: the text keeps room.
  const narrow = useMediaQuery(NARROW);
  const [listWanted, setListWanted] = useState(true);
  const [panelOpen, setPanelOpen] = useState(() => !window.matchMedia(NARROW).matches);
  const listShown = !open || (listWanted && !(narrow && panelOpen));
  const showList = () => {
    setListWanted(true);
    if (narrow) setPanelOpen(false);
  };
  const current = useRef<OpenDraft | null>(null);
  const version = useRef(0);

  /** Saves the open draft before anything replaces it; false if it could not be saved. */
  const settle = useCallback(async (): Promise<boolean> => {
    const session = current.current?.session;
    if (!session) return true;
    await session.flush();
    if (session.hasUnsavedChanges()) {
      setProblem('The open draft could not be saved, so it stays open. Check the message under the editor.');
      return false;
    }
    return true;
  }, []);

  const show = useCallback(
    (draft: Draft | null, fresh = false) => {
      current.current?.session.dispose();
      const next = draft
        ? {
            draft,
            session: new DraftSession(draft.id, draft, (save) => core.call('drafts-save', { draft: save })),
            version: ++version.current,
            fresh,
          }
        : null;
      current.current = next;
      setOpen(next);
    },
    [core],
  );

  const run = useCallback(async (action: () => Promise<void>) => {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(message(error));
    }
  }, []);

  const openDraft = (id: string) =>
    run(async () => {
      if (current.current?.draft.id === id) return;
      if (!(await settle())) return;
      show(await core.call('drafts-get', { id }));
    });

  const newDraft = useCallback(
    () =>
      run(async () => {
        if (!(await settle())) return;
        setTrash(false);
        setQuery('');
        show(await core.call('drafts-create', {}), true);
      }),
    [core, run, settle, show],
  );

  const restoreRevision = (summary: DraftSummary, revision: DraftRevision) =>
    run(async () => {
      setRevisionsOf(null);
      if (!(await settle())) return;
      show(await core.call('drafts-restore-revision', { id: summary.id, revisionId: revision.id }));
    });

  const menuItems = (summary: DraftSummary): MenuItem[] => {
    if (trash)
      return [
        {
          label: 'Restore',
          onSelect: () => void run(async () => void (await core.call('drafts-restore', { id: summary.id }))),
        },
      ];
    const exportAs = (format: 'html' | 'md') => () =>
      void run(async () => {
        if (current.current?.draft.id === summary.id && !(await settle())) return;
        const file = await core.call('drafts-export', { id: summary.id, format });
        downloadText(file.filename, file.content, format === 'html' ? 'text/html' : 'text/markdown');
      });
    return [
      {
        label: 'Duplicate',
        onSelect: () =>
          void run(async () => {
            if (current.current?.draft.id === summary.id && !(await settle())) return;
            const copy = await core.call('drafts-duplicate', { id: summary.id });
            if (await settle()) show(copy);
          }),
      },
      { label: 'Export as HTML', onSelect: exportAs('html') },
      { label: 'Export as Markdown', onSelect: exportAs('md') },
      {
        label: 'Revisions…',
        onSelect: () =>
          void run(async () => {
            if (current.current?.draft.id === summary.id && !(await settle())) return;
            setRevisionsOf(summary);
          }),
      },
      {
        label: 'Move to trash',
        danger: true,
        onSelect: () =>
          void run(async () => {
            if (current.current?.draft.id === summary.id) {
              if (!(await settle())) return;
              show(null);
            }
            await core.call('drafts-delete', { id: summary.id });
          }),
      },
    ];
  };

  const openMenu = (summary: DraftSummary, at: { x: number; y: number }) =>
    setMenu({ title: summary.title || 'Untitled', items: menuItems(summary), at });

  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const emptyTrash = () =>
    run(async () => {
      setConfirmEmpty(false);
      await core.call('drafts-empty-trash', {});
    });

  useEffect(() => () => current.current?.session.dispose(), []);
  useShortcuts({ 'mod+n': () => void newDraft() });

  return (
    <div className={`drafts-view${listShown ? '' : ' drafts-view--folded'}`}>
      {!listShown && (
        <DraftsRail onShowList={showList} onNewDraft={() => void newDraft()} newShortcut={NEW_SHORTCUT} />
      )}
      <section className="drafts-panel" aria-label={trash ? 'Trash' : 'Drafts'} hidden={!listShown}>
        <div className="drafts-panel__head">
          <h1 className="drafts-panel__title">{trash ? 'Trash' : 'Drafts'}</h1>
          {!trash && (
            <button
              type="button"
              className="button button--primary"
              title={`New draft (${NEW_SHORTCUT})`}
              onClick={() => void newDraft()}
            >
              New draft
            </button>
          )}
          {open && (
            <button
              type="button"
              className="icon-button drafts-panel__fold"
              aria-label="Hide the drafts list"
              aria-expanded={true}
              title="Hide the drafts list"
              onClick={() => setListWanted(false)}
            >
              «
            </button>
          )}
        </div>
        <input
          type="search"
          className="drafts-panel__search"
          aria-label={trash ? 'Search the trash' : 'Search drafts'}
          placeholder={trash ? 'Search the trash' : 'Search titles and text'}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        {lost ? (
          <p className="notice notice--warn" role="alert">
            {CONNECTION_LOST}
          </p>
        ) : (
          listError && (
            <p className="notice notice--warn" role="alert">
              {listError}
            </p>
          )
        )}
        {total !== null && total > 0 && (
          <DraftList
            total={total}
            draftAt={draftAt}
            ensureRange={ensureRange}
            label={trash ? 'Trash' : 'Drafts'}
            selectedId={trash ? null : (open?.draft.id ?? null)}
            onOpen={(draft, at) => (trash ? openMenu(draft, at) : void openDraft(draft.id))}
            onMenu={openMenu}
          />
        )}
        {total === 0 && !lost && <ListEmptyState query={query} trash={trash} />}
        <div className="drafts-panel__foot">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setQuery('');
              setConfirmEmpty(false);
              setTrash((on) => !on);
            }}
          >
            {trash ? '← Back to drafts' : 'Trash'}
          </button>
          {trash && total !== null && total > 0 && !confirmEmpty && (
            <button type="button" className="button" onClick={() => setConfirmEmpty(true)}>
              Empty trash
            </button>
          )}
          {trash && confirmEmpty && (
            <span className="drafts-panel__confirm" role="group" aria-label="Confirm emptying the trash">
              Delete for good?
              <button type="button" className="button button--danger" onClick={() => void emptyTrash()}>
                Empty trash
              </button>
              <button type="button" className="button" onClick={() => setConfirmEmpty(false)}>
                Keep
              </button>
            </span>
          )}
        </div>
      </section>
      <div className="drafts-editor">
        {problem && (
          <div className="notice notice--warn drafts-problem" role="alert">
            {problem}
            <button type="button" className="link-button" onClick={() => setProblem(null)}>
              Dismiss
            </button>
          </div>
        )}
        {open ? (
          <Suspense fallback={<p className="drafts-editor__loading">Opening the editor…</p>}>
            <Editor
              key={`${open.draft.id}:${open.version}`}
              draft={open.draft}
              session={open.session}
              focusTitle={open.fresh}
              panelOpen={panelOpen}
              onPanelOpenChange={setPanelOpen}
              uploadImage={async (file) =>
                (await core.call('drafts-add-asset', { id: open.draft.id, ...file })).src
              }
            />
          </Suspense>
        ) : (
          <div className="empty-state">
            <h2>{trash ? 'Trash' : 'No draft open'}</h2>
            <div className="empty-state__body">
              {trash ? (
                <p>Restore a draft with its ⋯ menu. Emptying the trash deletes its drafts for good.</p>
              ) : (
                <>
                  <p>Choose a draft on the left, or start a new one.</p>
                  <button type="button" className="button button--primary" onClick={() => void newDraft()}>
                    New draft ({NEW_SHORTCUT})
                  </button>
                </>
              )}
            </div>
          </div>
        )}
      </div>
      {menu && (
        <DraftMenu
          label={`Actions for ${menu.title}`}
          items={menu.items}
          at={menu.at}
          onClose={() => setMenu(null)}
        />
      )}
      {revisionsOf && (
        <RevisionsDialog
          draftId={revisionsOf.id}
          title={revisionsOf.title || 'Untitled'}
          onRestore={(revision) => void restoreRevision(revisionsOf, revision)}
          onClose={() => setRevisionsOf(null)}
        />
      )}
    </div>
  );
}

function ListEmptyState({ query, trash }: { query: string; trash: boolean }) {
  const text = query.trim()
    ? `No ${trash ? 'trashed ' : ''}drafts match “${query.trim()}”. Try fewer or different words.`
    : trash
      ? 'The trash is empty. Drafts you move to the trash wait here until you empty it.'
      : `No drafts yet. Press New draft (${NEW_SHORTCUT}) to start writing.`;
  return <p className="drafts-panel__empty">{text}</p>;
}
