import { useEffect, useRef } from 'react';
import type { DraftRevision } from '../../../shared/model/draft';
import { DialogCloseButton } from '../../components/DialogCloseButton';
import { ChosenRevision, RevisionList } from './RevisionParts';
import { useRevisions } from './useRevisions';

/**
 * Earlier versions of a draft (kept at most once a minute, up to 20), newest first. Choosing one
 * shows what changed since, word by word, or the version itself as a post; it can be restored, and
 * the restore can be undone (the current text is kept as a revision first).
 */
export function RevisionsDialog({
  draftId,
  title,
  current,
  onRestore,
  onClose,
}: {
  draftId: string;
  title: string;
  /** The text as the editor shows it now, to compare against; null reads the draft as saved. */
  current: { title: string; html: string } | null;
  onRestore: (revision: DraftRevision) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { revisions, chosen, setChosen, version, now, error } = useRevisions(draftId, current);
  const list = revisions ?? [];
  useEffect(() => dialog.current?.showModal(), []);

  return (
    <dialog
      ref={dialog}
      className="wide-dialog revisions"
      aria-label={`Revisions of ${title}`}
      onClose={onClose}
    >
      <header className="revisions__head">
        <h2>Revisions of “{title}”</h2>
        <DialogCloseButton dialog={dialog} />
      </header>
      {error && (
        <p className="notice notice--warn" role="alert">
          {error}
        </p>
      )}
      {revisions && revisions.length === 0 && (
        <p className="muted revisions__none">
          No earlier versions yet. Postwright keeps one at most once a minute while you write, the last 20.
        </p>
      )}
      {list.length > 0 && (
        <div className="revisions__body">
          <RevisionList list={list} title={title} chosen={chosen} onChoose={setChosen} />
          <ChosenRevision chosen={chosen} version={version} now={now} onRestore={onRestore} />
        </div>
      )}
    </dialog>
  );
}
