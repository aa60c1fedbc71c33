import type { Draft } from '../../../shared/model/draft';
import { useCore } from '../../core/CoreContext';
import { uploadDraftImage } from '../editor/plugins/ImagesPlugin/upload-draft-image';
import { lazyScreen } from '../../components/lazy-screen';
import type { OpenDraft } from './useOpenDraft';

// Lexical and the sanitiser load after the list has painted (or once the app is idle).
const Editor = lazyScreen(async () => (await import('../editor/Editor')).default, {
  what: 'the editor',
  loadingText: 'Opening the editor…',
  className: 'drafts-editor__loading',
}).Screen;
// The word-by-word comparison (and its diff library) only when another process changed the draft.
const ConflictNotice = lazyScreen(async () => (await import('./ConflictNotice')).ConflictNotice, {
  what: 'the comparison with the other version',
}).Screen;

/** The right of the Drafts section: what went wrong, a conflict to settle, and the open draft. */
export function DraftEditorPane({
  open,
  problem,
  onDismissProblem,
  conflict,
  onKeepMine,
  onTakeTheirs,
  trash,
  newShortcut,
  onNewDraft,
  panelOpen,
  onPanelOpenChange,
}: {
  open: OpenDraft | null;
  problem: string | null;
  onDismissProblem: () => void;
  conflict: Draft | null;
  onKeepMine: (theirs: Draft) => void;
  onTakeTheirs: (theirs: Draft) => void;
  trash: boolean;
  newShortcut: string;
  onNewDraft: () => void;
  panelOpen: boolean;
  onPanelOpenChange: (open: boolean) => void;
}) {
  const core = useCore();
  return (
    <div className="drafts-editor">
      {problem && (
        <div className="notice notice--warn drafts-problem" role="alert">
          {problem}
          <button type="button" className="link-button" onClick={onDismissProblem}>
            Dismiss
          </button>
        </div>
      )}
      {open && conflict && (
        <ConflictNotice
          theirs={conflict}
          mine={() => open.session.snapshot()}
          onKeepMine={() => onKeepMine(conflict)}
          onTakeTheirs={() => onTakeTheirs(conflict)}
        />
      )}
      {open ? (
        <Editor
          key={`${open.draft.id}:${open.version}`}
          draft={open.draft}
          session={open.session}
          focusTitle={open.fresh}
          focusBody={open.returning}
          panelOpen={panelOpen}
          onPanelOpenChange={onPanelOpenChange}
          uploadImage={(file) => uploadDraftImage(core, open.draft.id, file)}
        />
      ) : (
        <NoDraftOpen trash={trash} newShortcut={newShortcut} onNewDraft={onNewDraft} />
      )}
    </div>
  );
}

function NoDraftOpen({
  trash,
  newShortcut,
  onNewDraft,
}: {
  trash: boolean;
  newShortcut: string;
  onNewDraft: () => void;
}) {
  return (
    <div className="empty-state">
      <h2>{trash ? 'Trash' : 'No draft open'}</h2>
      <div className="empty-state__body">
        {trash ? (
          <p>Restore a draft with its ⋯ menu. Emptying the trash deletes its drafts for good.</p>
        ) : (
          <>
            <p>Choose a draft on the left, or start a new one.</p>
            <button type="button" className="button button--primary" onClick={onNewDraft}>
              {newShortcut}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
