import type { Handlers } from '../../../shared/contract';
import { CoreFailure } from '../../../shared/contract/errors';
import type { Blog } from '../../../shared/model/blog';
import type { BlogStore } from '../blogs/blog-store';
import type { DraftStore } from '../drafts/draft-store';
import type { Outbox } from '../outbox/outbox';
import { pullImages, type PulledImagesDeps } from './pulled-images';

type PublishHandlers = Pick<
  Handlers,
  | 'publish'
  | 'outbox-list'
  | 'outbox-retry'
  | 'outbox-cancel'
  | 'posts-recent'
  | 'posts-pull'
  | 'posts-delete'
>;

export function publishHandlers(
  deps: {
    outbox: Outbox;
    blogs: Pick<BlogStore, 'get' | 'list'>;
    drafts: DraftStore;
  } & Omit<PulledImagesDeps, 'drafts'>,
): PublishHandlers {
  const { outbox, blogs, drafts } = deps;

  /** The blog asked for, else the draft's, else the only one. */
  async function chooseBlog(blogId: string | null | undefined): Promise<Blog> {
    if (blogId) return blogs.get(blogId);
    const all = await blogs.list();
    if (all.length === 1) return all[0]!;
    throw new CoreFailure(
      'invalid-args',
      all.length === 0
        ? 'No blog is set up yet. Add one under Blogs (or "postwright blogs add URL") first.'
        : `You have ${all.length} blogs; say which one (${all.map((blog) => blog.id).join(', ')}).`,
    );
  }

  return {
    publish: async ({ draftId, blogId, status, date, micropub }) => {
      const draft = await drafts.get(draftId);
      const blog = await chooseBlog(blogId ?? draft.blogId);
      const job = await outbox.enqueuePublish({
        draftId,
        blogId: blog.id,
        options: {
          ...(status ? { status } : {}),
          ...(date ? { date } : {}),
          ...(micropub ? { micropub } : {}),
        },
      });
      return outbox.runNow(job.id);
    },

    'outbox-list': () => outbox.list(),

    'outbox-retry': ({ id, onlyWaiting, since }) =>
      outbox.retry(id, onlyWaiting, since ? Date.parse(since) : undefined),
    'outbox-cancel': ({ id }) => outbox.cancel(id),

    'posts-recent': async ({ blogId, limit }, { signal }) => {
      const blog = await chooseBlog(blogId);
      return outbox.publisherFor(blog).recent(blog, limit ?? 20, signal);
    },

    'posts-pull': async ({ blogId, postId }, { signal }) => {
      const blog = await chooseBlog(blogId);
      const pulled = await outbox.publisherFor(blog).fetch(blog, postId, signal);
      const draft = await drafts.create({ ...pulled.fields, blogId: blog.id, html: pulled.html });
      await pullImages(deps, blog, draft, pulled.featured, signal);
      const remote = {
        blogId: blog.id,
        postId: pulled.post.postId,
        url: pulled.post.url,
        remoteStatus: pulled.post.remoteStatus,
        publishedAt: pulled.post.publishedAt,
      };
      await drafts.setRemote(
        draft.id,
        remote,
        pulled.post.remoteStatus === 'future'
          ? 'scheduled'
          : pulled.post.remoteStatus === 'draft'
            ? 'draft'
            : 'published',
      );
      return drafts.get(draft.id);
    },

    'posts-delete': async ({ draftId, blogId, postId }) => {
      if (draftId) {
        const draft = await drafts.get(draftId);
        if (!draft.remote)
          throw new CoreFailure(
            'invalid-args',
            `"${draft.title || 'This draft'}" is not on a blog, so there is nothing to delete there.`,
          );
        const job = await outbox.enqueueDelete({
          blogId: draft.remote.blogId,
          postId: draft.remote.postId,
          draftId,
          title: draft.title,
        });
        return outbox.runNow(job.id);
      }
      if (!postId)
        throw new CoreFailure('invalid-args', 'Say which post to delete: a draft, or a blog and a post id.');
      const blog = await chooseBlog(blogId);
      const job = await outbox.enqueueDelete({
        blogId: blog.id,
        postId,
        draftId: null,
        title: `post ${postId}`,
      });
      return outbox.runNow(job.id);
    },
  };
}
