import { useState } from 'react';
import type { Bookmark } from '../../../shared/model/bookmark';
import { useCore, useCoreValue } from '../../core/CoreContext';
import type { ToastMessage } from '../../components/Toast';

/**
 * Publishes one link as a Micropub bookmark post (bookmark-of): a draft is made of the link, its
 * quote and comment, then published like any draft. Shown only when a Micropub blog is set up.
 */
export function PublishBookmark({
  link,
  onResult,
}: {
  link: Bookmark;
  onResult: (toast: ToastMessage) => void;
}) {
  const core = useCore();
  const [blogs] = useCoreValue((client) => client.call('blogs-list', {}));
  const [blogId, setBlogId] = useState('');
  const [busy, setBusy] = useState(false);
  const micropub = (blogs ?? []).filter((blog) => blog.protocol === 'micropub');
  if (micropub.length === 0) return null;
  const target = blogId || micropub[0]!.id;

  const publish = async () => {
    setBusy(true);
    try {
      const { draftId } = await core.call('inbox-bookmark-draft', { id: link.id });
      const job = await core.call('publish', { draftId, blogId: target, micropub: { kind: 'bookmark' } });
      onResult(
        job.state === 'done'
          ? {
              text: `Published as a bookmark on ${job.blogName}${job.result?.url ? `: ${job.result.url}` : '.'}`,
            }
          : job.state === 'failed'
            ? { text: `The bookmark post failed: ${job.reason}`, tone: 'error' }
            : {
                text: `The bookmark post is queued for ${job.blogName}: ${job.reason ?? 'waiting its turn.'}`,
              },
      );
    } catch (error) {
      onResult({ text: (error as Error).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="publish-bookmark">
      {micropub.length > 1 && (
        <select
          aria-label="Blog for the bookmark post"
          value={target}
          onChange={(event) => setBlogId(event.target.value)}
        >
          {micropub.map((blog) => (
            <option key={blog.id} value={blog.id}>
              {blog.name}
            </option>
          ))}
        </select>
      )}
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void publish()}>
        {busy ? 'Publishing…' : 'Publish as bookmark'}
      </button>
    </div>
  );
}
