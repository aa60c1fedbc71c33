import { safeExternalUrl } from '../../../shared/net/safe-url';
import { DeleteFromBlogButton } from './DeleteFromBlogButton';
import { shortTime } from './publish-time';
import type { Publishing } from './usePublishing';

const STATUS_WORD: Record<string, string> = {
  future: 'Scheduled on',
  draft: 'A draft on',
};

/**
 * The top of the post panel once the draft is on its blog: which blog, a link to the live post,
 * when it last went there, whether it has changed since, and deleting it from the blog.
 */
export function OnTheBlogSection({ draftId, publishing }: { draftId: string; publishing: Publishing }) {
  const { onBlog, changed } = publishing;
  if (!onBlog) return null;
  const url = onBlog.url ? safeExternalUrl(onBlog.url) : null;
  return (
    <section className="on-the-blog" aria-label="On the blog">
      <p className="on-the-blog__where">
        {STATUS_WORD[onBlog.remoteStatus ?? ''] ?? 'Published on'}{' '}
        <strong>{onBlog.blogName ?? 'its blog'}</strong>
      </p>
      {url && (
        <a className="on-the-blog__link" href={url} target="_blank" rel="noopener noreferrer" title={url}>
          View the post
        </a>
      )}
      {onBlog.sentAt && (
        <p className="field__hint">
          {onBlog.wasUpdate ? 'Last updated' : 'Last published'} {shortTime(onBlog.sentAt)}
        </p>
      )}
      {changed && (
        <p className="field__hint on-the-blog__changed">The blog does not have your latest changes yet.</p>
      )}
      <DeleteFromBlogButton draftId={draftId} linked onDeleted={publishing.unlinked} />
    </section>
  );
}
