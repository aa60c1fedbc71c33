import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Blog } from '../../../shared/model/blog';
import type { Draft } from '../../../shared/model/draft';
import { imageTypeOf, MAX_ASSET_BYTES } from '../drafts/draft-assets';
import type { DraftStore } from '../drafts/draft-store';
import { startTags } from '../html/start-tags';
import type { PulledPost } from '../outbox/publisher';
import type { Logger } from '../platform/logger';
import { outboundGet } from '../platform/outbound-get';
import type { HttpClient } from '../platform/http';
import { replaceImageSources } from './draft-images';
import type { MediaMemory, RememberedMedia } from './media-memory';

export interface PulledImagesDeps {
  http: HttpClient;
  drafts: Pick<DraftStore, 'addAssetFromStream' | 'setFeaturedImage' | 'save' | 'get'>;
  media: MediaMemory;
  logger: Logger;
}

/** More images than any post shows: a hostile blog cannot make a pull download without end. */
const MOST_BODY_IMAGES = 200;

/**
 * The images of a pulled post become files of its draft, as drafts keep them: the editor shows
 * only a draft's own files, so an image left at the blog's address would be dropped at the first
 * save and gone from the post at the next update. Each is downloaded through the outbound policy
 * (judged against the blog's own address) and the blog is remembered to have those bytes already,
 * so publishing the draft again sends the same address (WordPress: the same attachment) instead of
 * a copy. An image that cannot be fetched stays at its address and the pull goes on.
 */
export async function pullImages(
  deps: PulledImagesDeps,
  blog: Blog,
  draft: Draft,
  featured: PulledPost['featured'],
  signal: AbortSignal,
): Promise<void> {
  const replacements: Record<string, string> = {};
  // The featured image first: it is remembered with its attachment id, which a body image shares.
  if (featured) {
    const src = await download(deps, blog, draft.id, featured, signal);
    if (src) {
      replacements[featured.url] = src;
      await deps.drafts.setFeaturedImage(draft.id, src);
    }
  }
  for (const url of bodyImageAddresses(draft.html)) {
    if (replacements[url]) continue;
    const src = await download(deps, blog, draft.id, { url, mediaId: null }, signal);
    if (src) replacements[url] = src;
  }
  const html = replaceImageSources(draft.html, replacements);
  if (html !== draft.html) await deps.drafts.save({ ...(await deps.drafts.get(draft.id)), html });
}

/** The distinct web addresses of the body's images, in order (a draft's own files are left). */
function bodyImageAddresses(html: string): string[] {
  const addresses = new Set<string>();
  for (const tag of startTags(html, ['img'])) {
    const src = tag.attributes.src ?? '';
    if (/^https?:\/\//i.test(src)) addresses.add(src);
    if (addresses.size === MOST_BODY_IMAGES) break;
  }
  return [...addresses];
}

/** One image into the draft's files, remembered as on the blog; its src, or null if not fetched. */
async function download(
  deps: PulledImagesDeps,
  blog: Blog,
  draftId: string,
  media: RememberedMedia,
  signal: AbortSignal,
): Promise<string | null> {
  try {
    const answer = await outboundGet(deps.http, media.url, {
      accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif',
      deadlineMs: 60_000,
      maxBytes: MAX_ASSET_BYTES,
      overCap: 'fail',
      maxRedirects: 5,
      anchor: blog.homeUrl,
      what: 'An image of the post',
      signal,
      wantBody: (status) => status === 200,
    });
    const mimeType = imageTypeOf(answer.body.subarray(0, 16));
    if (answer.status !== 200 || !mimeType) {
      deps.logger.info('an image of a pulled post is not an image', { status: answer.status });
      return null;
    }
    const { src } = await deps.drafts.addAssetFromStream({
      id: draftId,
      filename: fileName(answer.finalUrl),
      mimeType,
      body: (async function* () {
        yield answer.body;
      })(),
    });
    const sha256 = createHash('sha256').update(answer.body).digest('hex');
    await deps.media.remember(blog.id, sha256, media);
    return src;
  } catch (error) {
    if (signal.aborted) throw error;
    deps.logger.info('an image of a pulled post was not fetched', { message: String(error) });
    return null;
  }
}

/** The file name in an image's address (`harbour.jpg`), else a plain one. */
function fileName(url: string): string {
  try {
    return decodeURIComponent(basename(new URL(url).pathname)) || 'image';
  } catch {
    return 'image';
  }
}
