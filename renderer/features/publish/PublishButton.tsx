import { useEffect, useRef } from 'react';
import type { OutboxJob } from '../../../shared/model/publish';
import { useCore } from '../../core/CoreContext';
import { useCommand } from '../commands/CommandsContext';
import { withShortcut } from '../commands/platform';
import './publish.css';
import { shortTime } from './publish-time';
import type { Publishing } from './usePublishing';
import { MicropubScopeNotice } from '../micropub/MicropubScopeNotice';
import { MicropubSignInAgain } from '../micropub/MicropubSignInAgain';
import { shownReason } from './OutboxStatus';

function describe(job: OutboxJob, update: boolean): string {
  if (job.state === 'done') {
    if (job.result?.movedFrom) return `Updated on ${job.blogName}; the post now lives at a new address`;
    if (job.result?.remoteStatus === 'future') return `Scheduled on ${job.blogName}`;
    if (job.result?.remoteStatus === 'draft') return `Saved as a draft on ${job.blogName}`;
    return `${update ? 'Updated' : 'Published'} on ${job.blogName} at ${shortTime(job.updatedAt)}`;
  }
  if (job.state === 'queued') return `Waiting in the outbox. ${shownReason(job) ?? ''}`;
  if (job.state === 'sending') return `Sending to ${job.blogName}…`;
  return `Not published: ${job.reason ?? 'unknown reason'}`;
}

/**
 * The footer's end: what the last publish did, the "changed since published" mark, and one button
 * (or Ctrl/Cmd+Enter) that saves the draft and publishes it, or updates the post it already is.
 */
export function PublishButton({ publishing }: { publishing: Publishing }) {
  const core = useCore();
  const { outcome, onBlog, changed, micropubBlog } = publishing;
  const latest = useRef(publishing.publish);
  useEffect(() => {
    latest.current = publishing.publish;
  });

  // The network is back: whatever waits in the outbox goes now rather than at its next probe.
  useEffect(() => {
    const wake = () => void core.call('outbox-retry', { onlyWaiting: true }).catch(() => undefined);
    window.addEventListener('online', wake);
    return () => window.removeEventListener('online', wake);
  }, [core]);

  // Ctrl/⌘+Enter and the Post menu (caught before the editor sees the key, so it publishes instead of
  // starting a paragraph); Update applies once the draft is on a blog.
  useCommand('post.publish', () => latest.current());
  useCommand(
    'post.update',
    () => latest.current(),
    () => onBlog !== null,
  );

  const job = outcome.kind === 'job' ? outcome.job : null;
  const status =
    outcome.kind === 'busy'
      ? onBlog
        ? 'Updating…'
        : 'Publishing…'
      : outcome.kind === 'error' || outcome.kind === 'note'
        ? outcome.message
        : job
          ? describe(job, outcome.kind === 'job' && outcome.update)
          : '';
  const failed = outcome.kind === 'error' || job?.state === 'failed';
  const linkUrl = job?.state === 'done' ? job.result?.url : null;
  return (
    <div className="publish">
      {changed && (
        <span className="changed-mark" data-testid="changed-since-published">
          Changed since published
        </span>
      )}
      <span
        className={`publish__status${failed ? ' publish__status--error' : ''}`}
        role="status"
        aria-live="polite"
        title={status || undefined}
      >
        {status}
        {linkUrl && (
          <>
            {' · '}
            <a className="publish__link" href={linkUrl} target="_blank" rel="noopener noreferrer">
              View post
            </a>
          </>
        )}
      </span>
      {/* The blog refused Postwright's sign-in (a missing permission): signing in again is the way out. */}
      {job?.state === 'failed' && job.errorCode === 'auth-failed' && micropubBlog && (
        <MicropubSignInAgain blog={micropubBlog} />
      )}
      {outcome.kind === 'confirm' && (
        <span className="publish__popover" role="group" aria-label="Before publishing">
          <span>{outcome.warnings.join(' ')}</span>
          <button type="button" className="button" onClick={() => publishing.publish(true)}>
            Publish anyway
          </button>
          <button type="button" className="button" onClick={publishing.dismiss}>
            Cancel
          </button>
        </span>
      )}
      {micropubBlog && !failed && <MicropubScopeNotice blog={micropubBlog} linked={onBlog !== null} />}
      <button
        type="button"
        className="button button--primary"
        // aria-disabled, not disabled: the button keeps the focus while the post is on its way.
        onClick={() => outcome.kind !== 'busy' && publishing.publish()}
        aria-disabled={outcome.kind === 'busy'}
        title={withShortcut(onBlog ? 'Update the post on the blog' : 'Publish', 'post.publish')}
      >
        {onBlog ? 'Update' : 'Publish'}
      </button>
    </div>
  );
}
