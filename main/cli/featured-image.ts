import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Draft } from '../../shared/model/draft';
import { imageTypeOf, MAX_ASSET_BYTES } from '../core/drafts/draft-assets';
import { readWithoutFollowing } from '../core/fs/contained-file';
import { startTags } from '../core/html/start-tags';
import type { CliContext } from './cli-context';
import { CliError } from './cli-error';
import { savedFields } from './draft-local-images';
import { MB, readNamedFile } from './read-named-file';

type DraftImages = Pick<Draft, 'id' | 'html' | 'featuredImage'>;

/** An image file named by `--featured`, read and checked. */
export interface FeaturedFile {
  name: string;
  mimeType: string;
  data: Buffer;
}

/**
 * The file `--featured` names, or null where there is no such file (it may name an image of the
 * draft); a folder, a file too big or one that is not an image is refused with exit 2.
 */
export async function readFeaturedFile(value: string): Promise<FeaturedFile | null> {
  const file = await stat(value).catch(() => null);
  if (!file) return null;
  // A device or a pipe (/dev/zero) would be read without end.
  if (!file.isFile() && !file.isDirectory())
    throw new CliError(`${value} is not a file: --featured takes an image file.`, 2);
  if (file.isFile() && file.size > MAX_ASSET_BYTES)
    throw new CliError(`${value} is ${(file.size / MB).toFixed(1)} MB; an image can be at most 25 MB.`, 2);
  const data = await readNamedFile(value);
  const mimeType = imageTypeOf(data.subarray(0, 16));
  if (!mimeType)
    throw new CliError(`${value} is not an image: --featured takes a PNG, JPEG, GIF, WebP or AVIF file.`, 2);
  return { name: basename(value), mimeType, data };
}

/**
 * `--featured FILE|NAME` for a draft: the file (copied into the draft, as if dropped on the post
 * panel, unless the draft already has the same picture) or an image the draft already shows, by
 * its file name (`harbour.png` finds `harbour-1a2b3c4d.png`). Answers its src.
 */
export async function featuredSource(
  ctx: CliContext,
  draft: DraftImages,
  value: string,
  file: FeaturedFile | null,
): Promise<string> {
  const shown = draftImages(draft);
  if (!file) {
    const named = shown.find((src) => namesImage(src, value));
    if (named) return named;
    throw noSuchImage(value, shown);
  }
  const core = await ctx.openCore();
  for (const src of shown) {
    const path = core.drafts.assetFile(draft.id, src);
    if (path && (await readWithoutFollowing(path).catch(() => null))?.equals(file.data)) return src;
  }
  const added = await ctx.call('drafts-add-asset', {
    id: draft.id,
    filename: file.name,
    mimeType: file.mimeType,
    dataBase64: file.data.toString('base64'),
  });
  return added.src;
}

/** `drafts new --featured`: the new draft, saved with that featured image. */
export async function withFeaturedImage(
  ctx: CliContext,
  draft: Draft,
  value: string,
  file: FeaturedFile | null,
): Promise<Draft> {
  const featuredImage = await featuredSource(ctx, draft, value, file);
  await ctx.call('drafts-save', { draft: { ...savedFields(draft), featuredImage } });
  return ctx.call('drafts-get', { id: draft.id });
}

export function noSuchImage(value: string, shown: string[] = []): CliError {
  const names = shown.map((src) => basename(src)).join(', ');
  return new CliError(
    `There is no file ${value}, and the draft shows no image of that name: give --featured an image file${names ? ` or one of the draft's images (${names})` : ''}.`,
    2,
  );
}

/** The draft's own images: those its body shows, and its featured image. */
function draftImages(draft: DraftImages): string[] {
  const own = `/drafts/${draft.id}/assets/`;
  const srcs = startTags(draft.html, ['img']).map((tag) => tag.attributes.src ?? '');
  return [...new Set([...srcs, draft.featuredImage ?? ''])].filter((src) => src.startsWith(own));
}

/** The src, its file name, or the name it was added under (before the draft made it unique). */
function namesImage(src: string, value: string): boolean {
  const name = basename(src).toLowerCase();
  const wanted = value.toLowerCase();
  return src === value || name === wanted || name.replace(/-[0-9a-f]{8}(\.\w+)$/, '$1') === wanted;
}
