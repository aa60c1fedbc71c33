import { useEffect, useRef, useState } from 'react';
import type { DraftRevision } from '../../../shared/model/draft';
import { useCore } from '../../core/CoreContext';
import { fullDate } from './format-date';

/** Earlier versions of a draft (kept at most once a minute, up to 20), newest first; one can be restored. */
export function RevisionsDialog({
  draftId,
  title,
  onRestore,
  onClose,
}: {
  draftId: string;
  title: string;
  onRestore: (revision: DraftRevision) => void;
  onClose: () => void;
}) {
  const core = useCore();
  const dialog = useRef<HTMLDialogElement>(null);
  const [revisions, setRevisions] = useState<DraftRevision[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    core
      .call('drafts-revisions', { id: draftId })
      .then((list) => live && setRevisions(list))
      .catch(
        (failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)),
      );
    return () => {
      live = false;
    };
  }, [core, draftId]);

  return (
    <dialog ref={dialog} className="revisions" aria-label={`Revisions of ${title}`} onClose={onClose}>
      <h2>Revisions of “{title}”</h2>
      <p className="muted">
        Postwright keeps a version at most once a minute while you write, the last 20 of them. Restoring one
        keeps the current text as a revision first, so nothing is lost.
      </p>
      {error && (
        <p className="notice notice--warn" role="alert">
          The revisions could not be read: {error}
        </p>
      )}
      {revisions && revisions.length === 0 && (
        <p className="muted">No earlier versions yet. They appear as you keep writing.</p>
      )}
      {revisions && revisions.length > 0 && (
        <ul className="revisions__list" aria-label="Revisions">
          {revisions.map((revision) => (
            <li key={revision.id} className="revisions__item">
              <span>
                <time dateTime={revision.savedAt}>{fullDate(revision.savedAt)}</time>
                <span className="muted">
                  {' '}
                  · {revision.wordCount.toLocaleString()} {revision.wordCount === 1 ? 'word' : 'words'}
                  {revision.title !== title && revision.title ? ` · “${revision.title}”` : ''}
                </span>
              </span>
              <button type="button" className="button" onClick={() => onRestore(revision)}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="revisions__actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
