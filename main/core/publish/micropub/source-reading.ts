import type { Mf2Value, MicropubSource } from '../../../../shared/model/micropub';
import type { RemotePostSummary } from '../../../../shared/model/publish';
import { escapeAttribute } from '../../drafts/html-sanitize';
import type { PublishContext, PulledPost } from '../../outbox/publisher';
import { plainText } from './post-mapping';

// Reading a blog's `q=source` answers: a post as local draft fields, as a line in a list of recent
// posts, and whether it is the post a draft made.

/** A property's first value as text (a plain string or an object's `value`), else null. */
function text(value: Mf2Value | undefined): string | null {
  if (typeof value === 'string') return value;
  if (value && 'value' in value && typeof value.value === 'string') return value.value;
  return null;
}

/** The post's address as the blog states it, or null. */
export function postUrl(post: MicropubSource): string | null {
  return text(post.properties.url?.[0]);
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

/** Whether a listed post is the one this draft made: by its slug in the address, else by its title. */
export function sameDraft(post: MicropubSource, context: PublishContext): boolean {
  const url = postUrl(post) ?? '';
  const slug = context.draft.slug.trim();
  if (slug && (url.includes(`/${slug}`) || text(post.properties['mp-slug']?.[0]) === slug)) return true;
  const name = text(post.properties.name?.[0]);
  return Boolean(context.draft.title.trim() && name === context.draft.title.trim());
}

/** One line of the blog's recent posts; a post without an address has an empty postId. */
export function postSummary(blogId: string, post: MicropubSource): RemotePostSummary {
  const url = postUrl(post);
  return {
    blogId,
    postId: url ?? '',
    title: text(post.properties.name?.[0]) ?? plainText(contentHtml(post)).slice(0, 80),
    url,
    status: text(post.properties['post-status']?.[0]) ?? 'publish',
    date: text(post.properties.published?.[0]),
  };
}

/** A post from `q=source` as local draft fields: publishing the draft then updates the post. */
export function pulled(
  source: MicropubSource,
  postUrl: string,
  featuredProperty: 'featured' | 'photo' = 'featured',
): PulledPost {
  const p = source.properties;
  // The featured image: `featured`, or the first photo on a site that takes it as one.
  const featured = text(p.featured?.[0]) ?? (featuredProperty === 'photo' ? text(p.photo?.[0]) : null);
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
    ...(featured && /^https?:\/\//i.test(featured) ? { featured: { url: featured, mediaId: null } } : {}),
  };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}
