import { useEffect, useMemo, useState } from 'react';
import { ARCHIVE_IMAGE_PATH, type ArchivedPost } from '../../../shared/model/archive';
import { useCore } from '../../core/CoreContext';
import { sanitizeHtml } from '../editor/html/sanitize-html';
import { errorText } from '../blogs/error-text';
import { RowMessage, type RowMessageText } from '../blogs/RowMessage';

const isArchivedImage = (src: string) => ARCHIVE_IMAGE_PATH.test(src);

/** One archived post, read offline; "Edit" makes it a draft linked to the post. Keyed by post. */
export function ArchivedPostReader({
  blogId,
  postId,
  onClose,
}: {
  blogId: string;
  postId: string;
  onClose: () => void;
}) {
  const core = useCore();
  const [post, setPost] = useState<ArchivedPost | null>(null);
  const [message, setMessage] = useState<RowMessageText | null>(null);
  useEffect(() => {
    let live = true;
    core
      .call('archive-get', { blogId, postId })
      .then((found) => live && setPost(found))
      .catch((failure: unknown) => live && setMessage({ ok: false, text: errorText(failure) }));
    return () => {
      live = false;
    };
  }, [core, blogId, postId]);
  // Sanitised by the core too; again here, as everything shown from outside the app is. The images
  // the pull kept are shown from the archive on disk; others (never loaded from the web) by their alt.
  const body = useMemo(() => (post ? sanitizeHtml(post.html, isArchivedImage) : ''), [post]);

  const edit = async () => {
    try {
      const draft = await core.call('archive-edit', { blogId, postId });
      setMessage({
        ok: true,
        text: `“${draft.title || 'Untitled'}” is a draft in Drafts; publishing it updates the post.`,
      });
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    }
  };

  return (
    <article className="archive-reader" aria-label={post ? `Archived post ${post.title}` : 'Archived post'}>
      <div className="archive-reader__head">
        <h3>{post ? post.title || '(no title)' : 'Loading…'}</h3>
        <div className="archive-reader__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void edit()}
            disabled={!post}
          >
            Edit
          </button>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <RowMessage message={message} />
      {post && (
        <>
          <p className="muted">
            {post.publishedAt?.slice(0, 10) ?? 'no date'} · {post.status}
            {post.categories.length ? ` · ${post.categories.join(', ')}` : ''}
            {post.tags.length ? ` · tags: ${post.tags.join(', ')}` : ''}
          </p>
          <div className="archive-reader__body" dangerouslySetInnerHTML={{ __html: body }} />
        </>
      )}
    </article>
  );
}
