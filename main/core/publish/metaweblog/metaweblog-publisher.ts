import type { Blog } from '../../../../shared/model/blog';
import type { DraftStore } from '../../drafts/draft-store';
import type { PublishContext, PublishedPost, Publisher, PulledPost } from '../../outbox/publisher';
import type { Clock } from '../../platform/clock';
import { localImages, readImage, replaceImageSources } from '../draft-images';
import { XmlRpcError } from '../xmlrpc/errors';
import type { MetaweblogClient } from './client';
import { toPublishError } from './errors';
import { fromRemotePost, JOB_FIELD, postDate, slugFor, toContentStruct } from './post-mapping';
import { savedBlogClient, type SavedBlogClientDeps } from './saved-blog-client';
import type { RemoteMetaweblogPost } from './schemas';

/** How many recent posts are searched for a post whose answer was lost. */
const FIND_WINDOW = 50;
/** How many recent media files are searched for uploads whose answers were lost. */
const MEDIA_WINDOW = 100;

export interface MetaweblogPublisherDeps extends SavedBlogClientDeps {
  drafts: Pick<DraftStore, 'assetFile'>;
  clock: Clock;
}

/** Publishing over MetaWeblog (WordPress XML-RPC), following DESIGN §3's mapping. */
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

  /** The draft's categories, creating the missing ones where the blog allows (unknown names are dropped silently by WordPress otherwise). */
  async function ensureCategories(client: MetaweblogClient, context: PublishContext): Promise<string[]> {
    const wanted = context.draft.categories;
    if (wanted.length === 0 || !context.blog.capabilities.categories) return [];
    const existing = await client.getCategories();
    const byName = new Map(
      existing.map((entry) => [
        (entry.categoryName ?? entry.title ?? '').toLowerCase(),
        entry.categoryName ?? entry.title ?? '',
      ]),
    );
    const names: string[] = [];
    for (const name of wanted) {
      const found = byName.get(name.toLowerCase());
      if (found) names.push(found);
      else if (context.blog.capabilities.newCategories) {
        context.progress(`Creating the category "${name}"`);
        await client.newCategory(name);
        names.push(name);
      } else names.push(name);
    }
    return names;
  }

  async function uploadImages(client: MetaweblogClient, context: PublishContext): Promise<string> {
    const images = localImages(context.draft.html, context.draft.id, deps.drafts);
    const replacements: Record<string, string> = { ...context.job.uploads };
    const pending = images.filter((image) => !replacements[image.src]);
    // A retry may follow an upload whose answer never came: find those files instead of sending them again.
    const sentBefore =
      pending.length > 0 && context.job.attempts > 1 ? await uploadedFiles(client) : new Map();
    let index = 0;
    for (const image of pending) {
      index += 1;
      let url = sentBefore.get(image.name);
      if (url) context.progress(`Image ${index} of ${pending.length} is already on the blog`);
      else {
        context.progress(`Uploading image ${index} of ${pending.length}`);
        url = (
          await client.newMediaObject({ name: image.name, type: image.type, bits: await readImage(image) })
        ).url;
      }
      replacements[image.src] = url;
      await context.recordUpload(image.src, url);
    }
    return replaceImageSources(context.draft.html, replacements);
  }

  /**
   * The blog's recent files by name, where it lists them (WordPress titles an upload by its file
   * name, and a draft's image names are unique). A blog without the method gives an empty list.
   */
  async function uploadedFiles(client: MetaweblogClient): Promise<Map<string, string>> {
    try {
      const files = await client.getMediaLibrary(MEDIA_WINDOW);
      return new Map(files.flatMap((file) => (file.title && file.link ? [[file.title, file.link]] : [])));
    } catch (error) {
      if (error instanceof XmlRpcError && error.kind === 'fault') return new Map();
      throw error;
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
      const html = await uploadImages(client, context);
      const categories = await ensureCategories(client, context);
      const choices = choicesFor(context);
      context.progress(postId ? 'Updating the post' : 'Sending the post');
      const struct = toContentStruct(context.draft, html, {
        ...choices,
        categories,
        ...(postId ? {} : { jobId: context.job.id }),
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

    async findExisting(context) {
      return guarded(context.blog, async () => {
        const client = await clientFor(context.blog, context.signal);
        context.progress('Checking the blog for a post sent before the connection broke');
        const posts = await client.getRecentPosts(FIND_WINDOW);
        const marked = posts.find((post) =>
          post.custom_fields?.some(
            (field) => field.key === JOB_FIELD && String(field.value) === context.job.id,
          ),
        );
        if (marked) return marked.postid;
        // Engines without custom fields: fall back to the slug (WordPress adds -2, -3 to taken ones) and the title.
        if (posts.some((post) => post.custom_fields !== undefined)) return null;
        const slug = slugFor(context.draft);
        const since = new Date(context.job.createdAt).getTime() - 5 * 60_000;
        const match = posts.find((post) => {
          const date = postDate(post);
          return (
            post.title === context.draft.title &&
            (!slug || post.wp_slug === slug || new RegExp(`^${slug}-\\d+$`).test(post.wp_slug)) &&
            (!date || date.getTime() >= since || context.draft.publishAt !== null)
          );
        });
        return match?.postid ?? null;
      });
    },

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
        return {
          fields,
          html,
          post: summarise(post, post.post_status === 'draft' ? 'draft' : 'publish', deps.clock.now()),
        };
      });
    },
  };
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
    url: post.permaLink || post.link || null,
    remoteStatus,
    publishedAt: date ? date.toISOString() : null,
  };
}
