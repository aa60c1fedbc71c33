import { CoreFailure } from '../../../shared/contract/errors';
import type { ArchivedPost } from '../../../shared/model/archive';
import type { Blog } from '../../../shared/model/blog';
import type { Mf2Value, MicropubSource } from '../../../shared/model/micropub';
import { webUrl } from '../../../shared/net/safe-link';
import type { MicropubClient } from '../publish/micropub/micropub-client';
import { mediaOf, type PostSource } from './post-source';

/** Posts per `q=source` page. */
export const MICROPUB_PAGE = 100;
/** What a server that does not page is asked for at once. */
const PLAIN_MOST = 10_000;

function text(value: Mf2Value | undefined): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value && typeof value.value === 'string')
    return value.value;
  return null;
}

function texts(values: Mf2Value[] | undefined): string[] {
  return (values ?? []).flatMap((value) => {
    const found = text(value);
    return found ? [found] : [];
  });
}

function isoDate(value: string | null): string | null {
  return value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null;
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function bodyOf(source: MicropubSource): string {
  const content = source.properties.content?.[0];
  if (!content) return '';
  if (typeof content === 'object' && 'html' in content && typeof content.html === 'string')
    return content.html;
  const plain = text(content);
  return plain
    ? plain
        .split(/\n{2,}/)
        .map((paragraph) => `<p>${escapeText(paragraph)}</p>`)
        .join('')
    : '';
}

function fromSource(blog: Blog, source: MicropubSource, pulledAt: string): ArchivedPost | null {
  const p = source.properties;
  const url = webUrl(text(p.url?.[0]) ?? '');
  // A post is known by its address: one without cannot be pulled again or edited.
  if (!url) return null;
  const html = bodyOf(source);
  return {
    blogId: blog.id,
    postId: url,
    type: source.type[0] ?? 'h-entry',
    url,
    title: text(p.name?.[0]) ?? '',
    html,
    excerpt: text(p.summary?.[0]) ?? '',
    slug: text(p['mp-slug']?.[0]) ?? '',
    tags: [],
    categories: texts(p.category),
    status: text(p['post-status']?.[0]) ?? 'publish',
    publishedAt: isoDate(text(p.published?.[0])),
    modifiedAt: isoDate(text(p.updated?.[0])),
    media: mediaOf(html, [...texts(p.photo), ...texts(p.video), ...texts(p.audio)]),
    pulledAt,
  };
}

/**
 * A Micropub blog's posts through the list form of `q=source`, a page at a time where the server
 * pages (`limit` and `after`), else the one list it gives. It has no modification dates to stop
 * at, so every pull lists the posts and the archive keeps only what changed.
 */
export function micropubSource(
  run: <T>(work: (client: MicropubClient) => Promise<T>) => Promise<T>,
  blog: Blog,
  now: () => Date,
): PostSource {
  return {
    first: { after: null },
    async page(cursor) {
      const after = typeof cursor.after === 'string' ? cursor.after : null;
      let page = await run((client) => client.sourcePage(MICROPUB_PAGE, after));
      // A server that does not page sends its first `limit` posts: asked once for all it will send.
      if (page && after === null && !page.after && page.items.length >= MICROPUB_PAGE)
        page = await run((client) => client.sourcePage(PLAIN_MOST, null));
      if (!page)
        throw new CoreFailure(
          'remote-error',
          `${blog.name} does not list its posts over Micropub (q=source without a url), so it cannot be pulled whole. Pull single posts by their address instead.`,
        );
      const pulledAt = now().toISOString();
      const posts = page.items.flatMap((item) => fromSource(blog, item, pulledAt) ?? []);
      return { posts, next: page.after && page.items.length ? { after: page.after } : null };
    },
  };
}
