import { CoreFailure } from '../../../../shared/contract/errors';
import { htmlToText } from '../../drafts/draft-text';
import { startTags } from '../../html/start-tags';
import { readHEvent } from './h-event-markup';
import type { PostKind } from '../../../../shared/model/micropub';
import type { Mf2Properties, Mf2Value, MicropubCreate, MicropubFile, MicropubFormat } from './micropub-types';

/** A draft ready to send: images already uploaded (photos) or loaded for a multipart request (files). */
export interface MicropubPostInput {
  kind: PostKind;
  format: MicropubFormat;
  title: string;
  /** The body, its image `src`s already rewritten to the uploaded URLs. */
  html: string;
  slug: string;
  excerpt: string;
  categories: string[];
  publishAt: string | null;
  status: 'draft' | 'publish' | null;
  visibility?: 'public' | 'unlisted' | 'private' | null;
  photos: { url: string; alt: string }[];
  /** The featured image's address on the blog, and the property it goes as. */
  featured?: { url: string; property: 'featured' | 'photo' } | null;
  files: MicropubFile[];
  syndicateTo: string[];
  destination?: string | null;
  /** The body as Markdown, when it goes as Markdown (main/core/publish/markdown-content.ts). */
  markdown?: string | null;
}

/**
 * One post model onto Micropub (docs/micropub.md, "How a draft becomes a Micropub post"): an
 * article is JSON with HTML content, a note plain text, a bookmark names the page it bookmarks, an
 * event is an h-event read from the calendar's markup.
 * A body of plain paragraphs is plain text in JSON too: servers (and the public test suite) take a
 * string for a plain post, and `{html}` only when there is markup to keep.
 */
export function toMicropubCreate(post: MicropubPostInput): MicropubCreate {
  const p: Mf2Properties = {};
  const json = post.format === 'json';
  switch (post.kind) {
    case 'article':
      if (post.title.trim()) p.name = [post.title.trim()];
      p.content = [post.markdown ?? content(post.html, json)];
      if (post.excerpt.trim()) p.summary = [post.excerpt.trim()];
      break;
    case 'note': {
      if (plainText(post.html)) p.content = [content(post.html, json)];
      break;
    }
    case 'bookmark': {
      const target = firstLink(post.html);
      if (!target) {
        throw new CoreFailure(
          'invalid-args',
          'A bookmark post needs a link to the page it bookmarks: add one to the draft.',
        );
      }
      p['bookmark-of'] = [target];
      if (post.title.trim()) p.name = [post.title.trim()];
      if (plainText(post.html)) p.content = [content(post.html, json)];
      break;
    }
    case 'event': {
      const event = readHEvent(post.html);
      if (!event) {
        throw new CoreFailure(
          'invalid-args',
          'This draft holds no event (no h-event with a start time). Insert the event from the calendar, or publish it as an article.',
        );
      }
      const name = event.name ?? post.title.trim();
      if (name) p.name = [name];
      p.start = [event.start];
      if (event.end) p.end = [event.end];
      if (event.location) {
        if (typeof event.location !== 'string' && !json) {
          throw new CoreFailure(
            'invalid-args',
            "This event's place is a nested h-card, which only JSON can carry: publish it as JSON.",
          );
        }
        p.location = [event.location];
      }
      p.content = [content(post.html, json)];
      break;
    }
  }
  if (post.categories.length) p.category = [...new Set(post.categories)];
  if (post.publishAt) p.published = [post.publishAt];
  if (post.slug.trim()) p['mp-slug'] = [post.slug.trim()];
  if (post.status) p['post-status'] = [post.status === 'draft' ? 'draft' : 'published'];
  if (post.visibility) p.visibility = [post.visibility];
  const photos = withFeatured(post, p);
  if (photos.length) {
    p.photo = photos.map((photo) => (json && photo.alt ? { value: photo.url, alt: photo.alt } : photo.url));
  }
  if (post.syndicateTo.length) p['mp-syndicate-to'] = post.syndicateTo;
  if (post.destination) p['mp-destination'] = [post.destination];
  return {
    type: post.kind === 'event' ? 'h-event' : 'h-entry',
    properties: p,
    ...(post.files.length ? { files: post.files } : {}),
  };
}

/** Sets `featured`, or answers the photos with the featured image first when it goes as a photo. */
function withFeatured(post: MicropubPostInput, p: Mf2Properties): MicropubPostInput['photos'] {
  const featured = post.featured;
  if (!featured) return post.photos;
  if (featured.property === 'featured') {
    p.featured = [featured.url];
    return post.photos;
  }
  const alt = post.photos.find((photo) => photo.url === featured.url)?.alt ?? '';
  return [{ url: featured.url, alt }, ...post.photos.filter((photo) => photo.url !== featured.url)];
}

/** The body as `content`: `{html}` in JSON when it has markup beyond paragraphs, else plain text. */
function content(html: string, json: boolean): Mf2Value {
  return json && !onlyParagraphs(html) ? { html } : plainText(html);
}

/** Whether the body's only tags are paragraphs and line breaks (comments, such as a "more" break, count as markup). */
export function onlyParagraphs(html: string): boolean {
  if (html.includes('<!--')) return false;
  for (const match of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const name = match[1]!.toLowerCase();
    if ((name !== 'p' && name !== 'br') || match[2]!.replace(/\/\s*$/, '').trim()) return false;
  }
  return !/<[!?a-zA-Z/]/.test(html.replace(/<\/?(p|br)\s*\/?>/gi, ''));
}

/** The images of a body, in order: what gets uploaded and becomes the post's `photo`. */
export function bodyImages(html: string): { src: string; alt: string }[] {
  const images: { src: string; alt: string }[] = [];
  for (const tag of startTags(html, ['img'])) {
    const src = tag.attributes.src;
    if (src) images.push({ src, alt: tag.attributes.alt ?? '' });
  }
  return images;
}

/** Removes the images a multipart request carries as files: their URLs are not known until the blog stores them. */
export function withoutImages(html: string, sources: Set<string>): string {
  let out = '';
  let at = 0;
  for (const tag of startTags(html, ['img'])) {
    if (!sources.has(tag.attributes.src ?? '')) continue;
    out += html.slice(at, tag.start);
    at = tag.end;
  }
  return out + html.slice(at);
}

function firstLink(html: string): string | null {
  for (const tag of startTags(html, ['a'])) {
    const href = tag.attributes.href;
    if (href && /^https?:\/\//i.test(href)) return href;
  }
  return null;
}

/** Plain text for notes and form-encoded posts: paragraphs kept as blank lines. */
export function plainText(html: string): string {
  return htmlToText(html)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line, i, lines) => line || (i > 0 && lines[i - 1]))
    .join('\n')
    .replace(/\n{2,}/g, '\n\n')
    .trim();
}
