import type { Blog } from '../../../../shared/model/blog';
import type { DraftStore } from '../../drafts/draft-store';
import type { PublishContext, PublishedPost, Publisher, PulledPost } from '../../outbox/publisher';
import type { Clock } from '../../platform/clock';
import { PublishError } from '../../outbox/publish-error';
import type { MediaMemory } from '../media-memory';
import type { MicropubAccess } from './micropub-access';
import type { MicropubClient } from './micropub-client';
import { toPublishError } from './micropub-publish-error';
import type { PostAddresses } from './post-addresses';
import { buildMicropubPost } from './post-build';
import { postSummary, postUrl, pulled, sameDraft } from './source-reading';
import { difference } from './update-difference';

/** How many recent posts are searched for a post whose answer was lost. */
const FIND_WINDOW = 20;

export interface MicropubPublisherDeps {
  access: MicropubAccess;
  drafts: Pick<DraftStore, 'assetFile'>;
  media: MediaMemory;
  clock: Clock;
  addresses: PostAddresses;
}

/**
 * Publishing over Micropub, following "How a draft becomes a Micropub post" in docs/micropub.md;
 * the outbox journals and retries around it. The post's properties are built in post-build.ts, the
 * blog's answers are read in source-reading.ts.
 */
export function micropubPublisher(deps: MicropubPublisherDeps): Publisher {
  function guarded<T>(
    blog: Blog,
    signal: AbortSignal,
    work: (client: MicropubClient) => Promise<T>,
  ): Promise<T> {
    return deps.access.run(blog, signal, work).catch((error: unknown) => {
      throw toPublishError(error);
    });
  }

  function published(
    context: PublishContext,
    url: string,
    more: Pick<PublishedPost, 'movedFrom' | 'warnings'> = {},
  ): PublishedPost {
    const date = context.job.options.date ?? context.draft.publishAt;
    const future = date !== null && Date.parse(date) > deps.clock.now().getTime();
    return {
      postId: url,
      url,
      remoteStatus: context.job.options.status === 'draft' ? 'draft' : future ? 'future' : 'publish',
      publishedAt: date,
      ...(more.movedFrom ? { movedFrom: more.movedFrom } : {}),
      ...(more.warnings?.length ? { warnings: more.warnings } : {}),
    };
  }

  return {
    create: (context) =>
      guarded(context.blog, context.signal, async (client) => {
        const config = await client.config();
        const { post, format, warnings } = await buildMicropubPost(deps, context, client, config, false);
        const created = await client.create(post, format);
        if (!created.url) {
          throw new PublishError(
            'remote-error',
            `${context.blog.name} accepted the post but did not say where it is (no Location). Look for it on the blog before publishing again.`,
            'permanent',
            true,
          );
        }
        return published(context, created.url, { warnings });
      }),

    update: (context, postId) =>
      guarded(context.blog, context.signal, async (client) => {
        const config = await client.config();
        const { post } = await buildMicropubPost(deps, context, client, config, true);
        const current = await client.source(postId).catch(() => null);
        // A draft that never had a featured image leaves the post's own (set on the blog, or pulled
        // when it could not be downloaded); only removing it in the post panel deletes it.
        const keep = context.draft.featuredImage === undefined && current?.properties.featured;
        const change = difference(current, keep ? { ...post.properties, featured: keep } : post.properties);
        const url = change ? await client.update(postId, change) : postId;
        if (url === postId) return published(context, url);
        await deps.addresses.moved(context.blog.id, postId, url);
        return published(context, url, { movedFrom: postId });
      }),

    findExisting: (context) =>
      guarded(context.blog, context.signal, async (client) => {
        const posts = await client.recent(FIND_WINDOW);
        if (!posts) {
          throw new PublishError(
            'remote-error',
            `The last attempt may have reached ${context.blog.name}, and the blog cannot list its posts for Postwright to check. Look on the blog: if the post is not there, retry from the outbox.`,
            'permanent',
            true,
          );
        }
        const match = posts.find((post) => sameDraft(post, context));
        return match ? postUrl(match) : null;
      }),

    delete: (blog, postId, { signal, checkFirst }) =>
      guarded(blog, signal, async (client) => {
        try {
          await client.delete(postId);
        } catch (error) {
          if (!checkFirst) throw error;
          const still = await client.source(postId).then(
            () => true,
            () => false,
          );
          if (still) throw error;
        }
        return { remoteStatus: 'deleted' };
      }),

    recent: (blog, limit, signal) =>
      guarded(blog, signal, async (client) => {
        const posts = await client.recent(limit);
        if (!posts) {
          throw new PublishError(
            'remote-error',
            `${blog.name} does not list its posts over Micropub. Pull a post by its address instead ("postwright posts source URL").`,
            'permanent',
            false,
          );
        }
        return posts.map((post) => postSummary(blog.id, post)).filter((post) => post.postId);
      }),

    fetch: (blog, postId, signal) =>
      guarded(blog, signal, async (client): Promise<PulledPost> => {
        const source = await client.source(postId);
        // Which photo is the featured one only matters where there is no `featured`.
        const asPhoto = !source.properties.featured?.length && source.properties.photo?.length;
        return pulled(source, postId, asPhoto ? (await client.config()).featured : 'featured');
      }),
  };
}
