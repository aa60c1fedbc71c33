import { useState } from 'react';
import { useCore } from '../../core/CoreContext';
import { useCommand } from '../commands/CommandsContext';
import './delete-from-blog.css';
import { shownReason } from './OutboxStatus';

/**
 * Deletes the draft's post from its blog (through the outbox); the draft itself stays, unlinked, so
 * publishing it again makes a new post. Asks once before deleting, in place.
 */
export function DeleteFromBlogButton({
  draftId,
  linked,
  onDeleted,
  onAsk,
}: {
  draftId: string;
  /** Whether the draft has a post on a blog; the result of a delete stays shown after it is unlinked. */
  linked: boolean;
  onDeleted: () => void;
  /** The Post menu asked: whatever holds the button must be on screen (the post panel opens). */
  onAsk?: () => void;
}) {
  const core = useCore();
  const [state, setState] = useState<'idle' | 'asking' | 'busy'>('idle');
  const [message, setMessage] = useState<string | null>(null);
  // The Post menu's "Delete from Blog…" asks here, as the button does.
  useCommand(
    'post.deleteFromBlog',
    () => {
      onAsk?.();
      setState('asking');
    },
    () => linked,
  );

  async function remove() {
    setState('busy');
    setMessage(null);
    try {
      const job = await core.call('posts-delete', { draftId });
      if (job.state === 'done') {
        setMessage('Deleted from the blog.');
        onDeleted();
      } else
        setMessage(
          job.state === 'failed'
            ? `Not deleted: ${job.reason}`
            : `Waiting in the outbox. ${shownReason(job) ?? ''}`,
        );
    } catch (failure) {
      setMessage(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setState('idle');
    }
  }

  return (
    <span className="publish__delete">
      {message && <span role="status">{message}</span>}
      {!linked ? null : state === 'asking' ? (
        <>
          <span>Delete the post on the blog?</span>
          <button type="button" className="button" onClick={() => void remove()}>
            Delete post
          </button>
          <button type="button" className="button" onClick={() => setState('idle')}>
            Keep it
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button"
          disabled={state === 'busy'}
          onClick={() => setState('asking')}
        >
          Delete from blog
        </button>
      )}
    </span>
  );
}
