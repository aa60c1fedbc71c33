import { useEffect, useRef, useState } from 'react';
import type { Draft, DraftRevision } from '../../../shared/model/draft';
import { useListKeyboard } from '../../components/useListKeyboard';
import { useCore } from '../../core/CoreContext';
import { fullDate } from '../drafts/format-date';
import { previewDocument } from '../preview/preview-document';
import { WordDiff } from './WordDiff';
import { DialogCloseButton } from '../../components/DialogCloseButton';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

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
  const core = useCore();
  const dialog = useRef<HTMLDialogElement>(null);
  const [revisions, setRevisions] = useState<DraftRevision[] | null>(null);
  const [chosen, setChosen] = useState<DraftRevision | null>(null);
  const [read, setRead] = useState<{ id: string; draft: Draft } | null>(null);
  const version = read && read.id === chosen?.id ? read.draft : null;
  const [view, setView] = useState<'changes' | 'preview'>('changes');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ title: string; html: string } | null>(null);
  const now = current ?? saved;

  useEffect(() => {
    if (current) return;
    let live = true;
    core
      .call('drafts-get', { id: draftId })
      .then((draft) => live && setSaved({ title: draft.title, html: draft.html }))
      .catch((failure: unknown) => live && setError(`The draft could not be read: ${message(failure)}`));
    return () => {
      live = false;
    };
  }, [core, draftId, current]);

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    core
      .call('drafts-revisions', { id: draftId })
      .then((list) => {
        if (!live) return;
        setRevisions(list);
        setChosen(list[0] ?? null);
      })
      .catch((failure: unknown) => live && setError(`The revisions could not be read: ${message(failure)}`));
    return () => {
      live = false;
    };
  }, [core, draftId]);

  useEffect(() => {
    if (!chosen) return;
    let live = true;
    core
      .call('drafts-revision-get', { id: draftId, revisionId: chosen.id })
      .then((draft) => live && setRead({ id: chosen.id, draft }))
      .catch((failure: unknown) => live && setError(`That version could not be read: ${message(failure)}`));
    return () => {
      live = false;
    };
  }, [core, draftId, chosen]);

  const list = revisions ?? [];
  const { containerRef, onKeyDown, rowProps } = useListKeyboard({
    count: list.length,
    labelAt: (index) => list[index]?.title ?? null,
  });

  return (
    <dialog ref={dialog} className="revisions" aria-label={`Revisions of ${title}`} onClose={onClose}>
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
          <ul className="revisions__list" aria-label="Revisions" ref={containerRef} onKeyDown={onKeyDown}>
            {list.map((revision, index) => {
              const row = rowProps(index);
              return (
                <li key={revision.id}>
                  <button
                    type="button"
                    className="revisions__item"
                    aria-pressed={chosen?.id === revision.id}
                    {...row}
                    onFocus={() => {
                      row.onFocus();
                      setChosen(revision);
                    }}
                    onClick={() => setChosen(revision)}
                  >
                    <time dateTime={revision.savedAt}>{fullDate(revision.savedAt)}</time>
                    <span className="muted">
                      {revision.wordCount.toLocaleString()} {revision.wordCount === 1 ? 'word' : 'words'}
                      {revision.title !== title && revision.title ? ` · “${revision.title}”` : ''}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          <section className="revisions__detail" aria-label="Chosen version">
            <div className="revisions__tools">
              <div role="group" aria-label="Show" className="revisions__views">
                <button
                  type="button"
                  className="button"
                  aria-pressed={view === 'changes'}
                  onClick={() => setView('changes')}
                >
                  Changes since
                </button>
                <button
                  type="button"
                  className="button"
                  aria-pressed={view === 'preview'}
                  onClick={() => setView('preview')}
                >
                  This version
                </button>
              </div>
              <span className="revisions__spacer" />
              {chosen && (
                <button type="button" className="button button--primary" onClick={() => onRestore(chosen)}>
                  Restore this version
                </button>
              )}
            </div>
            {!version || !now ? (
              <p className="muted">Reading that version…</p>
            ) : view === 'changes' ? (
              <WordDiff
                before={{ title: version.title, html: version.html }}
                after={now}
                beforeLabel={`the version of ${fullDate(chosen!.savedAt)}`}
                afterLabel="the current text"
              />
            ) : (
              <iframe
                className="revisions__frame"
                title="Version preview"
                sandbox=""
                srcDoc={previewDocument({ title: version.title, html: version.html, css: null })}
              />
            )}
          </section>
        </div>
      )}
    </dialog>
  );
}
