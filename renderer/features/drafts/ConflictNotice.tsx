import { useEffect, useRef, useState } from 'react';
import type { Draft } from '../../../shared/model/draft';
import { WordDiff } from '../revisions/WordDiff';
import { fullDate } from './format-date';
import { DialogCloseButton } from '../../components/DialogCloseButton';

/**
 * The open draft was changed outside this window while the author had unsaved edits: nothing is
 * saved until they choose to keep theirs, take the other version, or first see how they differ.
 */
export function ConflictNotice({
  theirs,
  mine,
  onKeepMine,
  onTakeTheirs,
}: {
  theirs: Draft;
  mine: () => { title: string; html: string };
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const [comparing, setComparing] = useState<{ title: string; html: string } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (comparing) dialog.current?.showModal();
  }, [comparing]);

  return (
    <div className="notice notice--warn drafts-conflict" role="alertdialog" aria-label="Changed elsewhere">
      <p>
        This draft was changed outside this window ({fullDate(theirs.updatedAt)}, by the command line or
        another window) while you had unsaved edits. Nothing is saved until you choose.
      </p>
      <div className="drafts-conflict__actions">
        <button type="button" className="button button--primary" onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" className="button" onClick={onTakeTheirs}>
          Take theirs
        </button>
        <button type="button" className="button" onClick={() => setComparing(mine())}>
          See the difference
        </button>
      </div>
      {comparing && (
        <dialog
          ref={dialog}
          className="wide-dialog revisions drafts-conflict__dialog"
          aria-label="The two versions"
          onClose={() => setComparing(null)}
        >
          <header className="revisions__head">
            <h2>Their version → yours</h2>
            <DialogCloseButton dialog={dialog} />
          </header>
          <WordDiff before={theirs} after={comparing} beforeLabel="their version" afterLabel="yours" />
          <footer className="revisions__tools">
            <span className="revisions__spacer" />
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                dialog.current?.close();
                onKeepMine();
              }}
            >
              Keep mine
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                dialog.current?.close();
                onTakeTheirs();
              }}
            >
              Take theirs
            </button>
          </footer>
        </dialog>
      )}
    </div>
  );
}
