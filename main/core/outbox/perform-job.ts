import type { Blog } from '../../../shared/model/blog';
import type { DraftStatus } from '../../../shared/model/draft';
import type { OutboxJob } from '../../../shared/model/publish';
import type { BlogStore } from '../blogs/blog-store';
import type { DraftStore } from '../drafts/draft-store';
import type { JobHandle } from '../jobs/job-tracker';
import { PublishError } from './publish-error';
import type { PublishContext, Publisher } from './publisher';

export interface PerformDeps {
  blogs: Pick<BlogStore, 'get'>;
  drafts: DraftStore;
  publisherFor(blog: Blog): Publisher;
  /** Journals the job (crash-safe) and tells the UI. */
  save(job: OutboxJob): Promise<OutboxJob>;
}

const DRAFT_STATUS: Record<string, DraftStatus> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'draft',
};

/**
 * One attempt of a job against its blog: a delete, an update of the draft's post, or a new post,
 * first asking the blog for the post an ambiguous earlier attempt may have made. Answers with what
 * the job learnt (post id, uploads, result); the draft's link and badge are set here.
 */
export async function performJob(
  deps: PerformDeps,
  job: OutboxJob,
  handle: JobHandle,
): Promise<Partial<OutboxJob>> {
  const blog = await deps.blogs.get(job.blogId);
  const publisher = deps.publisherFor(blog);
  if (job.action === 'delete') {
    const { remoteStatus } = await publisher.delete(blog, job.postId!, {
      signal: handle.signal,
      checkFirst: job.ambiguous,
    });
    if (job.draftId) await deps.drafts.setRemote(job.draftId, null, 'draft').catch(() => undefined);
    return { result: { postId: job.postId!, url: null, remoteStatus } };
  }
  const draft = await deps.drafts.get(job.draftId!);
  let current = job;
  const context: PublishContext = {
    job,
    draft,
    blog,
    signal: handle.signal,
    recordUpload: async (src, url) => {
      current = await deps.save({ ...current, uploads: { ...current.uploads, [src]: url } });
      context.job = current;
    },
    progress: (message) => handle.progress(0, null, message),
  };
  let postId = draft.remote?.blogId === blog.id ? draft.remote.postId : job.postId;
  if (!postId && job.ambiguous) {
    postId = await publisher.findExisting(context);
    if (postId) current = await deps.save({ ...current, postId });
  }
  let post;
  try {
    post = postId ? await publisher.update(context, postId) : await publisher.create(context);
  } catch (error) {
    if (error instanceof PublishError && error.postGone && postId) {
      // The post was deleted on the blog: unlink it, so the next publish makes a new one.
      await deps.drafts.setRemote(draft.id, null);
      current = await deps.save({ ...current, postId: null });
    }
    throw error;
  }
  await deps.drafts.setRemote(
    draft.id,
    {
      blogId: blog.id,
      postId: post.postId,
      url: post.url,
      remoteStatus: post.remoteStatus,
      publishedAt: post.publishedAt,
    },
    DRAFT_STATUS[post.remoteStatus] ?? 'published',
  );
  return {
    postId: post.postId,
    uploads: current.uploads,
    result: {
      postId: post.postId,
      url: post.url,
      remoteStatus: post.remoteStatus,
      ...(post.movedFrom ? { movedFrom: post.movedFrom } : {}),
      ...(post.warnings?.length ? { warnings: post.warnings } : {}),
    },
  };
}
