import type { Blog } from '../../../../shared/model/blog';
import { webUrl } from '../../../../shared/net/safe-link';
import type { DraftStore } from '../../drafts/draft-store';
import { XmlRpcError } from '../xmlrpc/errors';
import type { PublishContext, PublishedPost, Publisher, PulledPost } from '../../outbox/publisher';
import type { Clock } from '../../platform/clock';
import type { MediaMemory } from '../media-memory';
import type { MetaweblogClient } from './client';
import { toPublishError } from './errors';
import { findSentPost } from './find-sent-post';
import { ensureCategories, uploadImages } from './post-assets';
import { fromRemotePost, postDate, toContentStruct } from './post-mapping';
import { savedBlogClient, type SavedBlogClientDeps } from './saved-blog-client';
import type { RemoteMetaweblogPost } from './schemas';

export interface MetaweblogPublisherDeps extends SavedBlogClientDeps {
  drafts: Pick<DraftStore, 'assetFile'>;
  media: MediaMemory;
  clock: Clock;
}

/** Publishing over MetaWeblog (WordPress XML-RPC): the draft as a content struct (post-mapping.ts). */
export function metaweblogPublisher(deps: MetaweblogPublisherDeps): Publisher {
  const clientFor = (blog: Blog, signal: AbortSignal) => savedBlogClient(deps, blog, signal);

  /** Wraps every call so a failure reaches the outbox as a PublishError with a sentence. */
  async function guarded<T>(blog: Blog, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toPublishError(error, blog);
    }
  }

  function choicesFor(context: PublishContext) {
    const date = context.job.options.date ?? context.draft.publishAt;
    return { status: context.job.options.status ?? 'publish', date: date ? new Date(date) : null } as const;
  }

  async function readBack(
    client: MetaweblogClient,
    postId: string,
    status: 'draft' | 'publish',
  ): Promise<PublishedPost> {
    const post = await client.getPost(postId);
    return summarise(post, status, deps.clock.now());
  }

  async function send(context: PublishContext, postId: string | null): Promise<PublishedPost> {
    return guarded(context.blog, async () => {
      const client = await clientFor(context.blog, context.signal);
      const { html, thumbnail } = await uploadImages(client, context, deps);
      const categories = await ensureCategories(client, context);
      const choices = choicesFor(context);
      context.progress(postId ? 'Updating the post' : 'Sending the post');
      const struct = toContentStruct(context.draft, html, {
        ...choices,
        categories,
        ...(postId ? {} : { jobId: context.job.id }),
        ...((await thumbnailChange(client, postId, thumbnail)) ?? {}),
      });
      const publish = choices.status === 'publish';
      let id = postId;
      if (id) await client.editPost(id, struct, publish);
      else id = await client.newPost(struct, publish);
      context.progress('Reading the post back');
      return readBack(client, id, choices.status);
    });
  }

  return {
    create: (context) => send(context, null),
    update: (context, postId) => send(context, postId),

    findExisting: (context) =>
      guarded(context.blog, async () => findSentPost(await clientFor(context.blog, context.signal), context)),

    async delete(blog, postId, { signal, checkFirst }) {
      return guarded(blog, async () => {
        const client = await clientFor(blog, signal);
        if (checkFirst) {
          try {
            const post = await client.getPost(postId);
            if (post.post_status === 'trash') return { remoteStatus: 'trash' };
          } catch (error) {
            if (toPublishError(error, blog).postGone) return { remoteStatus: 'deleted' };
            throw error;
          }
        }
        await client.deletePost(postId);
        return { remoteStatus: 'trash' };
      });
    },

    async recent(blog, limit, signal) {
      return guarded(blog, async () => {
        const client = await clientFor(blog, signal);
        const posts = await client.getRecentPosts(limit);
        return posts.map((post) => {
          const summary = summarise(
            post,
            post.post_status === 'draft' ? 'draft' : 'publish',
            deps.clock.now(),
          );
          return {
            blogId: blog.id,
            postId: post.postid,
            title: post.title,
            url: summary.url,
            status: summary.remoteStatus,
            date: summary.publishedAt,
          };
        });
      });
    },

    async fetch(blog, postId, signal): Promise<PulledPost> {
      return guarded(blog, async () => {
        const client = await clientFor(blog, signal);
        const post = await client.getPost(postId);
        const { fields, html } = fromRemotePost(post);
        const featured = await featuredOf(client, post.wp_post_thumbnail);
        return {
          fields,
          html,
          post: summarise(post, post.post_status === 'draft' ? 'draft' : 'publish', deps.clock.now()),
          ...(featured ? { featured } : {}),
        };
      });
    },
  };
}

/**
 * Where the post's featured image lives; none on a blog without wp.getMediaItem (not WordPress) or
 * one that answers it with something other than a web address: the post is pulled without it.
 */
async function featuredOf(
  client: MetaweblogClient,
  thumbnail: string | number | null | undefined,
): Promise<PulledPost['featured'] | null> {
  const mediaId = thumbnail ? String(thumbnail) : '';
  if (!mediaId || mediaId === '0') return null;
  try {
    return { url: (await client.getMediaItem(mediaId)).link, mediaId };
  } catch (error) {
    if (error instanceof XmlRpcError && (error.kind === 'fault' || error.kind === 'invalid')) return null;
    throw error;
  }
}

/**
 * The featured image to send, only when it changes: WordPress refuses a new post's empty thumbnail,
 * and answers an update that sets the thumbnail it already has with "Invalid attachment ID".
 */
async function thumbnailChange(
  client: MetaweblogClient,
  postId: string | null,
  thumbnail: string | undefined,
): Promise<{ thumbnail: string } | null> {
  if (thumbnail === undefined || (!postId && !thumbnail)) return null;
  if (!postId) return { thumbnail };
  const current = (await client.getPost(postId)).wp_post_thumbnail;
  const has = current && String(current) !== '0' ? String(current) : '';
  return has === thumbnail ? null : { thumbnail };
}

/**
 * WordPress reports a scheduled post as "publish" ("consider future posts as published"), so a
 * publish dated in the future is reported as "future" here, which is how WordPress stores it.
 */
function summarise(post: RemoteMetaweblogPost, sent: 'draft' | 'publish', now: Date): PublishedPost {
  const date = postDate(post);
  const reported = post.post_status ?? sent;
  const remoteStatus =
    reported === 'publish' && date && date.getTime() > now.getTime() + 1000 ? 'future' : reported;
  return {
    postId: post.postid,
    // Shown as a link in the app: a blog's answer gets no javascript: or data: address through.
    url: webUrl(post.permaLink || post.link || ''),
    remoteStatus,
    publishedAt: date ? date.toISOString() : null,
  };
}
