import { useMemo } from 'react';
import './revisions.css';
import { diffCounts, textOfHtml, wordDiff } from './word-diff';

/**
 * Two versions of a post as one text: removed words struck through in red, added ones underlined in
 * green, the rest as it reads. `before` and `after` are HTML; titles compare too when they differ.
 */
export function WordDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: { title: string; html: string };
  after: { title: string; html: string };
  beforeLabel: string;
  afterLabel: string;
}) {
  const parts = useMemo(
    () =>
      wordDiff(
        `${before.title}\n\n${textOfHtml(before.html)}`,
        `${after.title}\n\n${textOfHtml(after.html)}`,
      ),
    [before, after],
  );
  const counts = diffCounts(parts);
  return (
    <div className="word-diff">
      <div className="word-diff__summary">
        <p role="status">
          {counts.added === 0 && counts.removed === 0
            ? `${afterLabel} and ${beforeLabel} read the same.`
            : `From ${beforeLabel} to ${afterLabel}: ${counts.added} ${counts.added === 1 ? 'word' : 'words'} added, ${counts.removed} removed.`}
        </p>
        {/* A key for the eye; the summary's words already say it, so screen readers skip it. */}
        <span className="word-diff__legend" aria-hidden="true">
          <del>removed</del> <ins>added</ins>
        </span>
      </div>
      <div className="word-diff__text" data-testid="word-diff">
        {parts.map((part, index) =>
          part.kind === 'added' ? (
            <ins key={index}>{part.text}</ins>
          ) : part.kind === 'removed' ? (
            <del key={index}>{part.text}</del>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </div>
    </div>
  );
}
