import { useState } from 'react';
import type { Draft, DraftRevision } from '../../../shared/model/draft';
import { useListKeyboard } from '../../components/useListKeyboard';
import { fullDate } from '../drafts/format-date';
import { previewDocument } from '../preview/preview-document';
import { WordDiff } from './WordDiff';

/** The revisions, newest first: arrows move through them and the focused one is chosen. */
export function RevisionList({
  list,
  title,
  chosen,
  onChoose,
}: {
  list: DraftRevision[];
  /** The draft's title now: a revision under another title says so. */
  title: string;
  chosen: DraftRevision | null;
  onChoose: (revision: DraftRevision) => void;
}) {
  const { containerRef, onKeyDown, rowProps } = useListKeyboard({
    count: list.length,
    labelAt: (index) => list[index]?.title ?? null,
  });
  return (
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
                onChoose(revision);
              }}
              onClick={() => onChoose(revision)}
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
  );
}

/** The chosen version: what changed since, word by word, or the version as a post; and Restore. */
export function ChosenRevision({
  chosen,
  version,
  now,
  onRestore,
}: {
  chosen: DraftRevision | null;
  /** The chosen version's text, once read. */
  version: Draft | null;
  now: { title: string; html: string } | null;
  onRestore: (revision: DraftRevision) => void;
}) {
  const [view, setView] = useState<'changes' | 'preview'>('changes');
  return (
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
  );
}
