import { basename } from 'node:path';
import type { Draft } from '../../../shared/model/draft';
import type { DraftStore } from '../drafts/draft-store';
import { escapeAttribute } from '../drafts/html-sanitize';
import { readWithoutFollowing } from '../fs/contained-file';
import { contentTypeFor } from '../fs/content-types';
import { startTags } from '../html/start-tags';

export interface LocalImage {
  /** The src as written in the body (`/drafts/<id>/assets/<name>`). */
  src: string;
  file: string;
  name: string;
  type: string;
}

/** The draft's own images the body refers to: these are uploaded before the post, whatever the protocol. */
export function localImages(
  html: string,
  draftId: string,
  drafts: Pick<DraftStore, 'assetFile'>,
): LocalImage[] {
  const seen = new Map<string, LocalImage>();
  for (const tag of startTags(html, ['img'])) {
    const src = tag.attributes.src;
    if (!src || seen.has(src)) continue;
    const file = drafts.assetFile(draftId, src);
    if (file) seen.set(src, { src, file, name: basename(file), type: contentTypeFor(file) });
  }
  return [...seen.values()];
}

export function readImage(image: LocalImage): Promise<Buffer> {
  return readWithoutFollowing(image.file);
}

/** Rewrites `src` of the images in `replacements`, leaving the rest of the HTML byte for byte. */
export function replaceImageSources(html: string, replacements: Record<string, string>): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const tag of startTags(html, ['img'])) {
    const span = tag.valueSpans.src;
    const src = tag.attributes.src;
    if (!span || src === undefined || !Object.hasOwn(replacements, src)) continue;
    const url = replacements[src]!;
    const escaped = escapeAttribute(url);
    edits.push({
      start: span.start,
      end: span.end,
      // Inside the author's own quotes; an unquoted value gains double quotes.
      text: span.quote === "'" ? escaped.replace(/'/g, '&#39;') : span.quote ? escaped : `"${escaped}"`,
    });
  }
  let out = html;
  for (const edit of edits.reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** The draft's featured image as a file of the draft, or null (none, or a file no longer there). */
export function featuredImage(
  draft: Pick<Draft, 'id' | 'featuredImage'>,
  drafts: Pick<DraftStore, 'assetFile'>,
): LocalImage | null {
  const src = draft.featuredImage;
  const file = src ? drafts.assetFile(draft.id, src) : null;
  return src && file ? { src, file, name: basename(file), type: contentTypeFor(file) } : null;
}
