import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Draft, DraftRevision, DraftSummary } from '../../../shared/model/draft';
import { useUiState } from '../../app/UiStateContext';
import { Toast, useToast } from '../../components/Toast';
import { useMediaQuery } from '../../components/useMediaQuery';
import { CONNECTION_LOST, useConnectionLost, useCore } from '../../core/CoreContext';
import { useCommand } from '../commands/CommandsContext';
import { shortcutOf, withShortcut } from '../commands/platform';
import { DraftSession } from '../editor/draft-session';
import { RevisionsDialog } from '../revisions/RevisionsDialog';
import { ConflictNotice } from './ConflictNotice';
import { takeDraftIntents } from './draft-intents';
import { DraftList } from './DraftList';
import { DraftMenu, type MenuItem } from './DraftMenu';
import { DraftsRail } from './DraftsRail';
import { downloadText } from './download';
import './drafts.css';
import { uploadDraftImage } from '../editor/plugins/ImagesPlugin/upload-draft-image';
import { fullDate } from './format-date';
import { useDraftList } from './useDraftList';
import { useExternalChanges } from './useExternalChanges';

// Lexical and the sanitiser load after the list has painted.
const Editor = lazy(() => import('../editor/Editor'));

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
  const ui = useUiState();
  const [query, setQuery] = useState('');
  const [trash, setTrash] = useState(false);
  const { total, draftAt, ensureRange, error: listError } = useDraftList(query, trash);
  // While the host cannot be reached the list cannot be read: it says so, never "no drafts".
  const lost = useConnectionLost();
  const [open, setOpen] = useState<OpenDraft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Draft | null>(null);
  const [toast, showToast] = useToast();
  const [menu, setMenu] = useState<{ title: string; items: MenuItem[]; at: { x: number; y: number } } | null>(
    null,
  );
  const [revisionsOf, setRevisionsOf] = useState<{
    summary: DraftSummary;
    /** The open draft's text as the editor shows it, to compare revisions with. */
    current: { title: string; html: string } | null;
  } | null>(null);
  // The list, the text and the post panel share the width. Where all three do not fit, the panel
  // opening folds the list into a strip, and the list unfolding closes the panel: the text keeps room.
  // The panel comes back as the author left it (ui-state.json), else as the width allows.
  const narrow = useMediaQuery(NARROW);
  const [listWanted, setListWanted] = useState(true);
  const [panelOpen, setPanelOpenNow] = useState(
    () => ui.state.postPanel ?? !window.matchMedia(NARROW).matches,
  );
  const setPanelOpen = (next: boolean) => {
    setPanelOpenNow(next);
    ui.update({ postPanel: next });
  };
  const listShown = !open || (listWanted && !(narrow && panelOpen));
  const showList = () => {
    setListWanted(true);
    if (narrow) setPanelOpen(false);
  };
  const current = useRef<OpenDraft | null>(null);
  const version = useRef(0);
  const search = useRef<HTMLInputElement>(null);
  const importPicker = useRef<HTMLInputElement>(null);
  const newShortcut = withShortcut('New draft', 'file.newDraft');

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
      setConflict(null);
      const next = draft
        ? {
            draft,
            session: new DraftSession(draft.id, draft, (save, baseUpdatedAt) =>
              core.call('drafts-save', { draft: save, baseUpdatedAt }),
            ),
            version: ++version.current,
            fresh,
          }
        : null;
      current.current = next;
      setOpen(next);
      ui.update({ lastDraftId: draft?.id ?? null });
    },
    [core, ui],
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
      setTrash(false);
      show(await core.call('drafts-get', { id }));
    });

  const newDraft = () =>
    run(async () => {
      if (!(await settle())) return;
      setTrash(false);
      setQuery('');
      show(await core.call('drafts-create', {}), true);
    });

  const restoreRevision = (summary: DraftSummary, revision: DraftRevision, undoable = true) =>
    run(async () => {
      setRevisionsOf(null);
      if (!(await settle())) return;
      show(await core.call('drafts-restore-revision', { id: summary.id, revisionId: revision.id }));
      if (!undoable) return;
      // The text it replaced was kept as the newest revision: restoring that one undoes this.
      const [replaced] = await core.call('drafts-revisions', { id: summary.id });
      showToast({
        text: `Restored the version of ${fullDate(revision.savedAt)}.`,
        ...(replaced
          ? { action: { label: 'Undo', run: () => void restoreRevision(summary, replaced, false) } }
          : {}),
      });
    });

  const trashDraft = (summary: DraftSummary) =>
    run(async () => {
      const wasOpen = current.current?.draft.id === summary.id;
      if (wasOpen) {
        if (!(await settle())) return;
        show(null);
      }
      await core.call('drafts-delete', { id: summary.id });
      showToast({
        text: `Moved “${summary.title || 'Untitled'}” to the trash.`,
        action: {
          label: 'Undo',
          run: () =>
            void run(async () => {
              await core.call('drafts-restore', { id: summary.id });
              if (wasOpen && !current.current) show(await core.call('drafts-get', { id: summary.id }));
            }),
        },
      });
    });

  const exportDraft = (summary: { id: string }, format: 'html' | 'md') =>
    run(async () => {
      if (current.current?.draft.id === summary.id && !(await settle())) return;
      const file = await core.call('drafts-export', { id: summary.id, format });
      downloadText(file.filename, file.content, format === 'html' ? 'text/html' : 'text/markdown');
    });

  const showRevisions = (summary: DraftSummary) =>
    run(async () => {
      const shown = current.current?.draft.id === summary.id ? current.current.session : null;
      if (shown && !(await settle())) return;
      setRevisionsOf({ summary, current: shown?.snapshot() ?? null });
    });

  const menuItems = (summary: DraftSummary): MenuItem[] => {
    if (trash)
      return [
        {
          label: 'Restore',
          onSelect: () => void run(async () => void (await core.call('drafts-restore', { id: summary.id }))),
        },
      ];
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
      { label: 'Export as HTML', onSelect: () => void exportDraft(summary, 'html') },
      { label: 'Export as Markdown', onSelect: () => void exportDraft(summary, 'md') },
      { label: 'Revisions…', onSelect: () => void showRevisions(summary) },
      { label: 'Move to trash', danger: true, onSelect: () => void trashDraft(summary) },
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

  const importFile = (file: File | undefined) =>
    run(async () => {
      if (!file || !(await settle())) return;
      setTrash(false);
      show(await core.call('drafts-import', { filename: file.name, content: await file.text() }));
    });

  useExternalChanges(current, open?.session ?? null, {
    onReload: (theirs) => {
      show(theirs);
      showToast({ text: 'This draft was changed outside this window; it now shows that version.' });
    },
    onConflict: setConflict,
  });

  // What others ask of this section (the palette, the Go menu, a postwright:// link), and the draft
  // that was open last time when nothing asks for another.
  const opened = useRef(false);
  const latestIntent = useRef({ newDraft, openDraft });
  useEffect(() => {
    latestIntent.current = { newDraft, openDraft };
  });
  useEffect(() => {
    const stop = takeDraftIntents((intent) => {
      opened.current = true;
      if (intent.kind === 'new') void latestIntent.current.newDraft();
      else if (intent.kind === 'open') void latestIntent.current.openDraft(intent.id);
      else setTrash(true);
    });
    const last = ui.state.lastDraftId;
    if (!opened.current && last) {
      opened.current = true;
      core.call('drafts-get', { id: last }).then(
        (draft) => !current.current && !draft.trashedAt && show(draft),
        () => ui.update({ lastDraftId: null }),
      );
    }
    return stop;
    // Once, when the section opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => () => current.current?.session.dispose(), []);
  const summaryOfOpen = (): DraftSummary | null => {
    const draft = current.current?.draft;
    return draft ? { ...draft, snippet: '' } : null;
  };
  const hasOpen = () => current.current !== null;
  useCommand('file.exportHtml', () => void exportDraft(current.current!.draft, 'html'), hasOpen);
  useCommand('file.exportMarkdown', () => void exportDraft(current.current!.draft, 'md'), hasOpen);
  useCommand('file.revisions', () => void showRevisions(summaryOfOpen()!), hasOpen);
  useCommand('file.trashDraft', () => void trashDraft(summaryOfOpen()!), hasOpen);
  useCommand('file.import', () => importPicker.current?.click());
  useCommand('edit.findDrafts', () => {
    setTrash(false);
    search.current?.focus();
  });

  return (
    <div className={`drafts-view${listShown ? '' : ' drafts-view--folded'}`}>
      {!listShown && (
        <DraftsRail
          onShowList={showList}
          onNewDraft={() => void newDraft()}
          newShortcut={shortcutOf('file.newDraft')}
        />
      )}
      <section className="drafts-panel" aria-label={trash ? 'Trash' : 'Drafts'} hidden={!listShown}>
        <div className="drafts-panel__head">
          <h1 className="drafts-panel__title">{trash ? 'Trash' : 'Drafts'}</h1>
          {!trash && (
            <button
              type="button"
              className="button button--primary"
              title={newShortcut}
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
          ref={search}
          type="search"
          className="drafts-panel__search"
          aria-label={trash ? 'Search the trash' : 'Search drafts'}
          placeholder={trash ? 'Search the trash' : 'Search titles and text'}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <input
          ref={importPicker}
          type="file"
          hidden
          aria-label="Markdown or HTML file to import"
          accept=".md,.markdown,.html,.htm,text/markdown,text/html"
          onChange={(event) => {
            void importFile(event.target.files?.[0]);
            event.target.value = '';
          }}
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
            {...(trash ? {} : { onTrash: (draft: DraftSummary) => void trashDraft(draft) })}
          />
        )}
        {total === 0 && !lost && <ListEmptyState query={query} trash={trash} newShortcut={newShortcut} />}
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
        {open && conflict && (
          <ConflictNotice
            theirs={conflict}
            mine={() => open.session.snapshot()}
            onKeepMine={() => {
              setConflict(null);
              void open.session.keepMine(conflict.updatedAt);
            }}
            onTakeTheirs={() => show(conflict)}
          />
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
              uploadImage={(file) => uploadDraftImage(core, open.draft.id, file)}
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
                    {newShortcut}
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
          draftId={revisionsOf.summary.id}
          title={revisionsOf.summary.title || 'Untitled'}
          current={revisionsOf.current}
          onRestore={(revision) => void restoreRevision(revisionsOf.summary, revision)}
          onClose={() => setRevisionsOf(null)}
        />
      )}
      <div className="toast-dock">
        <Toast toast={toast} onDismiss={() => showToast(null)} />
      </div>
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
