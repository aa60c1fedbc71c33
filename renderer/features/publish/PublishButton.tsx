import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft } from '../../../shared/model/draft';
import type { OutboxJob } from '../../../shared/model/publish';
import { useCore, useCoreEvent } from '../../core/CoreContext';
import { useCommand } from '../commands/CommandsContext';
import { withShortcut } from '../commands/platform';
import './publish.css';
import { DeleteFromBlogButton } from './DeleteFromBlogButton';
import { MicropubPostOptions } from '../micropub/MicropubPostOptions';
import { MicropubScopeNotice } from '../micropub/MicropubScopeNotice';
import { MicropubSignInAgain } from '../micropub/MicropubSignInAgain';
import { useMicropubBlog } from '../micropub/useMicropubBlog';
import type { MicropubPublishOptions } from '../../../shared/model/micropub';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'job'; job: OutboxJob }
  | { kind: 'error'; message: string }
  // The blog cannot take all of the draft (alt text): the author decides before anything is sent.
  | { kind: 'confirm'; warnings: string[] };

function describe(job: OutboxJob): string {
  if (job.state === 'done') {
    if (job.result?.movedFrom) return `Updated on ${job.blogName}; the post now lives at`;
    if (job.result?.remoteStatus === 'future') return `Scheduled on ${job.blogName}:`;
    if (job.result?.remoteStatus === 'draft') return `Saved as a draft on ${job.blogName}:`;
    return `Published on ${job.blogName}:`;
  }
  if (job.state === 'queued') return `Waiting in the outbox. ${job.reason ?? ''}`;
  if (job.state === 'sending') return `Sending to ${job.blogName}…`;
  return 'Not published.';
}

/**
 * One click (or Ctrl/Cmd+Enter) saves the open draft and publishes it to its blog through the
 * outbox; the post's URL then shows as a link. A published draft is updated the same way.
 */
export function PublishButton({ draft, flush }: { draft: Draft; flush: () => Promise<void> }) {
  const core = useCore();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [remoteUrl, setRemoteUrl] = useState(draft.remote?.url ?? null);
  const busy = useRef(false);
  const publishRef = useRef<(confirmed?: boolean) => void>(() => undefined);
  const micropubBlog = useMicropubBlog(draft.blogId);
  // Post type and syndication targets, when the draft goes to a Micropub blog.
  const micropubOptions = useRef<MicropubPublishOptions | undefined>(undefined);
  const setMicropubOptions = useCallback((options: MicropubPublishOptions | undefined) => {
    micropubOptions.current = options;
  }, []);

  useCoreEvent('outbox-changed', (job) => {
    if (job.draftId !== draft.id || job.action !== 'publish') return;
    setOutcome((current) =>
      current.kind === 'job' && current.job.id === job.id ? { kind: 'job', job } : current,
    );
    if (job.state === 'done') setRemoteUrl(job.result?.url ?? null);
  });

  // The latest publish function, for the click and the shortcut alike (kept in a ref, set after render).
  useEffect(() => {
    publishRef.current = (confirmed = false) => {
      if (busy.current) return;
      busy.current = true;
      setOutcome({ kind: 'busy' });
      void (async () => {
        try {
          await flush();
          const micropub = micropubOptions.current;
          if (micropubBlog && !confirmed) {
            const check = { draftId: draft.id, blogId: micropubBlog.id, ...(micropub ? { micropub } : {}) };
            const { warnings } = await core.call('micropub-publish-check', check);
            if (warnings.length) return setOutcome({ kind: 'confirm', warnings });
          }
          const job = await core.call('publish', { draftId: draft.id, ...(micropub ? { micropub } : {}) });
          setOutcome({ kind: 'job', job });
          if (job.state === 'done') setRemoteUrl(job.result?.url ?? null);
        } catch (failure) {
          setOutcome({
            kind: 'error',
            message: failure instanceof Error ? failure.message : String(failure),
          });
        } finally {
          busy.current = false;
        }
      })();
    };
  });

  // The network is back: whatever waits in the outbox goes now rather than at its next probe.
  useEffect(() => {
    const wake = () => void core.call('outbox-retry', { onlyWaiting: true }).catch(() => undefined);
    window.addEventListener('online', wake);
    return () => window.removeEventListener('online', wake);
  }, [core]);

  // Ctrl/⌘+Enter and the Post menu; Update applies once the draft is on a blog.
  useCommand('post.publish', () => publishRef.current());
  useCommand(
    'post.update',
    () => publishRef.current(),
    () => Boolean(remoteUrl || draft.remote),
  );

  const job = outcome.kind === 'job' ? outcome.job : null;
  const linkUrl = job?.state === 'done' ? job.result?.url : remoteUrl;
  // The reason goes above the footer, where a sentence has room; the row says only "Not published."
  const failure =
    outcome.kind === 'error'
      ? outcome.message
      : job?.state === 'failed'
        ? (job.reason ?? 'unknown reason')
        : null;
  return (
    <div className="publish">
      <span className="publish__status" role="status" aria-live="polite">
        {outcome.kind === 'busy' && 'Publishing…'}
        {outcome.kind === 'error' && <span className="publish__error">Not published.</span>}
        {job && <span className={job.state === 'failed' ? 'publish__error' : ''}>{describe(job)}</span>}
        {linkUrl && (outcome.kind === 'idle' || job?.state === 'done') && (
          <>
            {outcome.kind === 'idle' ? 'On the blog: ' : ' '}
            <a className="publish__link" href={linkUrl} target="_blank" rel="noopener noreferrer">
              {linkUrl}
            </a>
          </>
        )}
      </span>
      {failure && (
        <span className="publish__popover" role="alert">
          <span>Not published: {failure}</span>
          {/* The blog refused Postwright's sign-in (a missing permission): signing in again is the way out. */}
          {job?.errorCode === 'auth-failed' && micropubBlog && <MicropubSignInAgain blog={micropubBlog} />}
          <button type="button" className="button" onClick={() => setOutcome({ kind: 'idle' })}>
            Dismiss
          </button>
        </span>
      )}
      {outcome.kind === 'confirm' && (
        <span className="publish__popover" role="group" aria-label="Before publishing">
          <span>{outcome.warnings.join(' ')}</span>
          <button type="button" className="button" onClick={() => publishRef.current(true)}>
            Publish anyway
          </button>
          <button type="button" className="button" onClick={() => setOutcome({ kind: 'idle' })}>
            Cancel
          </button>
        </span>
      )}
      {micropubBlog && !failure && (
        <MicropubScopeNotice blog={micropubBlog} linked={Boolean(remoteUrl || draft.remote)} />
      )}
      <MicropubPostOptions blog={micropubBlog} onChange={setMicropubOptions} />
      <button
        type="button"
        className="button button--primary"
        onClick={() => publishRef.current()}
        disabled={outcome.kind === 'busy'}
        title={withShortcut('Publish', 'post.publish')}
      >
        {remoteUrl || draft.remote ? 'Update post' : 'Publish'}
      </button>
      <DeleteFromBlogButton
        draftId={draft.id}
        linked={Boolean(remoteUrl)}
        onDeleted={() => {
          setRemoteUrl(null);
          setOutcome({ kind: 'idle' });
        }}
      />
    </div>
  );
}
