import type { Blog } from '../../../../shared/model/blog';
import type {
  Mf2Properties,
  Mf2Value,
  MicropubConfig,
  MicropubSource,
} from '../../../../shared/model/micropub';
import type { RemotePostSummary } from '../../../../shared/model/publish';
import type { DraftStore } from '../../drafts/draft-store';
import { escapeAttribute } from '../../drafts/html-sanitize';
import type { PublishContext, PublishedPost, Publisher, PulledPost } from '../../outbox/publisher';
import type { Clock } from '../../platform/clock';
import { readImage, replaceImageSources } from '../draft-images';
import type { MicropubAccess } from './micropub-access';
import type { MicropubClient } from './micropub-client';
import { toPublishError } from './micropub-publish-error';
import { bodyImages, toMicropubCreate, withoutImages, plainText } from './post-mapping';
import { sendsMarkdown } from '../markdown-content';
import { PublishError } from '../../outbox/publish-error';
import type { MicropubFile } from './micropub-types';
import type { PostAddresses } from './post-addresses';
import { draftEncoding } from './alt-text';

/** How many recent posts are searched for a post whose answer was lost. */
const FIND_WINDOW = 20;

/** Properties an update may replace or remove; `mp-*` commands only make sense on create. */
const MANAGED = [
  'name',
  'content',
  'summary',
  'category',
  'published',
  'post-status',
  'visibility',
  'photo',
  'bookmark-of',
  'start',
  'end',
  'location',
];

export interface MicropubPublisherDeps {
  access: MicropubAccess;
  drafts: Pick<DraftStore, 'assetFile'>;
  clock: Clock;
  addresses: PostAddresses;
}

/** Publishing over Micropub, following DESIGN §3's mapping; the outbox journals and retries around it. */
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

  /** The post's properties: images uploaded first (media endpoint) or loaded as files (multipart). */
  async function build(
    context: PublishContext,
    client: MicropubClient,
    config: MicropubConfig,
    forUpdate: boolean,
  ) {
    const { draft, job, blog } = context;
    const options = job.options.micropub ?? {};
    const alts = new Map(bodyImages(draft.html).map((image) => [image.src, image.alt]));
    const mediaEndpoint = config.mediaEndpoint ?? blog.micropub?.mediaEndpoint ?? null;
    const { kind, format, local, warnings, refusal } = draftEncoding({
      draft,
      blogName: blog.name,
      options,
      mediaEndpoint,
      drafts: deps.drafts,
      forUpdate,
    });
    if (refusal) throw new PublishError('invalid-args', refusal, 'permanent', false);
    if (options.syndicateTo?.length) await checkTargets(client, config, options.syndicateTo);

    let html = draft.html;
    const files: MicropubFile[] = [];
    if (local.length && mediaEndpoint) {
      const uploads: Record<string, string> = {};
      for (const [index, image] of local.entries()) {
        let url = job.uploads[image.src];
        if (!url) {
          context.progress(`Uploading image ${index + 1} of ${local.length}`);
          const data = await readImage(image);
          url = await deps.access.run(
            blog,
            context.signal,
            (media) => media.upload({ filename: image.name, mimeType: image.type, data }),
            {
              mediaEndpoint,
            },
          );
          await context.recordUpload(image.src, url);
        }
        uploads[image.src] = url;
      }
      html = replaceImageSources(html, uploads);
    } else if (local.length) {
      if (format !== 'multipart') {
        throw new PublishError(
          'invalid-args',
          `${blog.name} has no media endpoint, so images can only travel in a multipart request: publish with --format multipart.`,
          'permanent',
          false,
        );
      }
      for (const image of local) {
        files.push({
          property: 'photo',
          filename: image.name,
          mimeType: image.type,
          data: await readImage(image),
        });
      }
      html = withoutImages(html, new Set(local.map((image) => image.src)));
    }
    const photos = bodyImages(html).map((image) => ({
      url: image.src,
      alt: alts.get(image.src) ?? image.alt,
    }));
    const post = toMicropubCreate({
      markdown: sendsMarkdown(draft, config),
      kind,
      format,
      title: draft.title,
      html,
      slug: draft.slug,
      excerpt: draft.excerpt,
      categories: [...draft.tags, ...draft.categories],
      publishAt: job.options.date ?? draft.publishAt,
      status: job.options.status ?? null,
      visibility: options.visibility ?? null,
      photos: photos.filter((photo) => /^https?:\/\//i.test(photo.url)),
      files,
      syndicateTo: forUpdate ? [] : (options.syndicateTo ?? []),
      destination: options.destination ?? null,
    });
    return { post, format, warnings };
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
        const { post, format, warnings } = await build(context, client, config, false);
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
        const { post } = await build(context, client, config, true);
        const current = await client.source(postId).catch(() => null);
        const change = difference(current, post.properties);
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
        return match ? text(match.properties.url?.[0]) : null;
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
        return posts
          .map((post): RemotePostSummary => {
            const url = text(post.properties.url?.[0]);
            return {
              blogId: blog.id,
              postId: url ?? '',
              title: text(post.properties.name?.[0]) ?? plainText(contentHtml(post)).slice(0, 80),
              url,
              status: text(post.properties['post-status']?.[0]) ?? 'publish',
              date: text(post.properties.published?.[0]),
            };
          })
          .filter((post) => post.postId);
      }),

    fetch: (blog, postId, signal) =>
      guarded(blog, signal, async (client): Promise<PulledPost> => {
        const source = await client.source(postId);
        return pulled(source, postId);
      }),
  };
}

async function checkTargets(client: MicropubClient, config: MicropubConfig, wanted: string[]): Promise<void> {
  const targets = config.syndicateTo.length ? config.syndicateTo : await client.syndicateTo();
  const unknown = wanted.filter((uid) => !targets.some((target) => target.uid === uid));
  if (unknown.length) {
    throw new PublishError(
      'invalid-args',
      `The blog offers no syndication target ${unknown.join(', ')}. It offers: ${targets.map((t) => `${t.name} (${t.uid})`).join(', ') || 'none'}.`,
      'permanent',
      false,
    );
  }
}

/** A JSON update of what changed since the blog's copy; null when nothing did. */
export function difference(
  current: MicropubSource | null,
  next: Mf2Properties,
): { replace?: Mf2Properties; delete?: string[] } | null {
  const replace: Mf2Properties = {};
  const remove: string[] = [];
  for (const name of MANAGED) {
    const wanted = next[name];
    const had = current?.properties[name];
    if (wanted?.length) {
      if (!had || JSON.stringify(had) !== JSON.stringify(wanted)) replace[name] = wanted;
    } else if (had?.length) remove.push(name);
  }
  if (!Object.keys(replace).length && !remove.length) return null;
  return {
    ...(Object.keys(replace).length ? { replace } : {}),
    ...(remove.length ? { delete: remove } : {}),
  };
}

function sameDraft(post: MicropubSource, context: PublishContext): boolean {
  const url = text(post.properties.url?.[0]) ?? '';
  const slug = context.draft.slug.trim();
  if (slug && (url.includes(`/${slug}`) || text(post.properties['mp-slug']?.[0]) === slug)) return true;
  const name = text(post.properties.name?.[0]);
  return Boolean(context.draft.title.trim() && name === context.draft.title.trim());
}

function text(value: Mf2Value | undefined): string | null {
  if (typeof value === 'string') return value;
  if (value && 'value' in value && typeof value.value === 'string') return value.value;
  return null;
}

function contentHtml(source: MicropubSource): string {
  const content = source.properties.content?.[0];
  if (!content) return '';
  if (typeof content === 'string')
    return content
      .split(/\n{2,}/)
      .map((p) => `<p>${escapeText(p)}</p>`)
      .join('');
  if ('html' in content) return content.html;
  return 'value' in content && typeof content.value === 'string' ? `<p>${escapeText(content.value)}</p>` : '';
}

/** A post from `q=source` as local draft fields: publishing the draft then updates the post. */
export function pulled(source: MicropubSource, postUrl: string): PulledPost {
  const p = source.properties;
  let html = contentHtml(source);
  for (const photo of p.photo ?? []) {
    const url = text(photo);
    if (url && !html.includes(url)) {
      const alt = typeof photo === 'object' && 'alt' in photo ? (photo.alt ?? '') : '';
      html += `<p><img src="${escapeAttribute(url)}" alt="${escapeAttribute(alt)}"></p>`;
    }
  }
  const published = text(p.published?.[0]);
  const status = text(p['post-status']?.[0]);
  const url = text(p.url?.[0]) ?? postUrl;
  return {
    fields: {
      title: text(p.name?.[0]) ?? '',
      excerpt: text(p.summary?.[0]) ?? '',
      categories: (p.category ?? []).flatMap((value) => {
        const name = text(value);
        return name ? [name] : [];
      }),
      slug: text(p['mp-slug']?.[0]) ?? '',
      publishAt: published && !Number.isNaN(Date.parse(published)) ? new Date(published).toISOString() : null,
    },
    html,
    post: {
      postId: postUrl,
      url,
      remoteStatus: status === 'draft' ? 'draft' : 'publish',
      publishedAt: published,
    },
  };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}
