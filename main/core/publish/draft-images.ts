import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { escapeAttribute, startTags } from '../../../shared/html/start-tags';
import type { DraftStore } from '../drafts/draft-store';
import { contentTypeFor } from '../fs/content-types';

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
  for (const tag of startTags(html)) {
    if (tag.name !== 'img') continue;
    const src = tag.attributes.find((entry) => entry.name === 'src')?.value;
    if (!src || seen.has(src)) continue;
    const file = drafts.assetFile(draftId, src);
    if (file) seen.set(src, { src, file, name: basename(file), type: contentTypeFor(file) });
  }
  return [...seen.values()];
}

export function readImage(image: LocalImage): Promise<Buffer> {
  return readFile(image.file);
}

/** Rewrites `src` of the images in `replacements`, leaving the rest of the HTML byte for byte. */
export function replaceImageSources(html: string, replacements: Record<string, string>): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const tag of startTags(html)) {
    if (tag.name !== 'img') continue;
    const src = tag.attributes.find((entry) => entry.name === 'src');
    const url = src ? replacements[src.value] : undefined;
    if (!src || url === undefined || src.valueStart < 0) continue;
    const quoted = html[src.valueStart - 1] === '"' || html[src.valueStart - 1] === "'";
    edits.push({
      start: src.valueStart,
      end: src.valueEnd,
      text: quoted ? escapeAttribute(url).replace(/'/g, '&#39;') : `"${escapeAttribute(url)}"`,
    });
  }
  let out = html;
  for (const edit of edits.reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
