import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Blog } from '../../../shared/model/blog';
import { imageTypeOf, MAX_ASSET_BYTES } from '../drafts/draft-assets';
import type { DraftStore } from '../drafts/draft-store';
import type { PulledPost } from '../outbox/publisher';
import type { Logger } from '../platform/logger';
import { outboundGet } from '../platform/outbound-get';
import type { HttpClient } from '../platform/http';
import type { MediaMemory } from './media-memory';

export interface PulledFeaturedDeps {
  http: HttpClient;
  drafts: Pick<DraftStore, 'addAssetFromStream' | 'setFeaturedImage'>;
  media: MediaMemory;
  logger: Logger;
}

/**
 * The featured image of a pulled post becomes the draft's, as drafts keep it: a file of the draft,
 * downloaded through the outbound policy (judged against the blog's own address). The blog is
 * remembered to have those bytes already, so publishing the draft again keeps the same image
 * (WordPress: the same attachment) instead of uploading a copy. An image that cannot be fetched
 * leaves the draft without one and the pull goes on.
 */
export async function pullFeaturedImage(
  deps: PulledFeaturedDeps,
  blog: Blog,
  draftId: string,
  featured: NonNullable<PulledPost['featured']>,
  signal: AbortSignal,
): Promise<void> {
  try {
    const answer = await outboundGet(deps.http, featured.url, {
      accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif',
      deadlineMs: 60_000,
      maxBytes: MAX_ASSET_BYTES,
      overCap: 'fail',
      maxRedirects: 5,
      anchor: blog.homeUrl,
      what: 'The featured image of the post',
      signal,
      wantBody: (status) => status === 200,
    });
    const mimeType = imageTypeOf(answer.body.subarray(0, 16));
    if (answer.status !== 200 || !mimeType) {
      deps.logger.info('the featured image of a pulled post is not an image', { status: answer.status });
      return;
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
    await deps.media.remember(blog.id, sha256, featured);
    await deps.drafts.setFeaturedImage(draftId, src);
  } catch (error) {
    if (signal.aborted) throw error;
    deps.logger.info('the featured image of a pulled post was not fetched', { message: String(error) });
  }
}

/** The file name in an image's address (`harbour.jpg`), else a plain one. */
function fileName(url: string): string {
  try {
    return decodeURIComponent(basename(new URL(url).pathname)) || 'featured';
  } catch {
    return 'featured';
  }
}
