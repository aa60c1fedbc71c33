import { useEffect, useState } from 'react';
import type { RemotePostSummary } from '../../../shared/model/publish';
import { useCore } from '../../core/CoreContext';
import { errorText } from './error-text';

/** The blog's latest posts; "Pull" makes a local draft linked to one, which publishes back as an update. */
export function RecentPosts({ blogId }: { blogId: string }) {
  const core = useCore();
  const [posts, setPosts] = useState<RemotePostSummary[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    core
      .call('posts-recent', { blogId, limit: 20 })
      .then((list) => live && setPosts(list))
      .catch((failure: unknown) => live && setMessage(errorText(failure)));
    return () => {
      live = false;
    };
  }, [core, blogId]);

  const pull = async (post: RemotePostSummary) => {
    try {
      const draft = await core.call('posts-pull', { blogId, postId: post.postId });
      setMessage(`“${draft.title}” is now a draft in Drafts; publishing it updates the post.`);
    } catch (failure) {
      setMessage(errorText(failure));
    }
  };

  return (
    <div className="recent-posts">
      {message && <p role="status">{message}</p>}
      {posts === null && !message && <p className="muted">Loading the latest posts…</p>}
      {posts && posts.length === 0 && <p className="muted">The blog has no posts yet.</p>}
      {posts && posts.length > 0 && (
        <ul aria-label="Recent posts">
          {posts.map((post) => (
            <li key={post.postId} className="recent-posts__item">
              <span>
                {post.url ? (
                  <a href={post.url} target="_blank" rel="noopener noreferrer">
                    {post.title || '(no title)'}
                  </a>
                ) : (
                  post.title || '(no title)'
                )}{' '}
                <span className="muted">
                  {post.date?.slice(0, 10)} · {post.status}
                </span>
              </span>
              <button type="button" className="button" onClick={() => void pull(post)}>
                Pull
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
