import type { IncomingMessage, ServerResponse } from 'node:http';
import { CoreFailure } from '../../shared/contract/errors';
import { isDraftId } from '../core/drafts/draft-paths';
import { MAX_ASSET_BYTES } from '../core/drafts/draft-assets';
import type { DraftStore } from '../core/drafts/draft-store';

/** Uploads handled at once; the rest wait their turn (TCP holds their bytes back meanwhile). */
const CONCURRENT_UPLOADS = 2;

/**
 * `POST /drafts/<id>/assets?name=<file name>` with the image as the body: how the browser host takes
 * images, streamed to disk instead of as base64 inside a WebSocket message. Returns false when the
 * request is not one. The caller has checked the token; `sameOrigin` says the page that sent it is
 * this app (a form on another site cannot post here).
 */
export function createDraftAssetUpload(drafts: Pick<DraftStore, 'addAssetFromStream'>) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const turn = async () => {
    if (running >= CONCURRENT_UPLOADS) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
  };
  const done = () => {
    running -= 1;
    waiting.shift()?.();
  };

  return async function upload(
    request: IncomingMessage,
    url: URL,
    response: ServerResponse,
    sameOrigin: boolean,
  ): Promise<boolean> {
    const match = /^\/drafts\/([^/]+)\/assets$/.exec(url.pathname);
    if (request.method !== 'POST' || !match) return false;
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      response.end(JSON.stringify(body));
      if (!request.complete) request.destroy();
    };
    const refuse = (status: number, code: string, message: string) =>
      answer(status, { error: { code, message } });
    if (!sameOrigin) {
      refuse(403, 'invalid-args', 'Images can only be added from Postwright itself.');
      return true;
    }
    const id = match[1]!;
    if (!isDraftId(id)) {
      refuse(404, 'not-found', `No draft with id ${id}.`);
      return true;
    }
    const filename = (url.searchParams.get('name') ?? 'image').slice(0, 255) || 'image';
    if (Number(request.headers['content-length'] ?? 0) > MAX_ASSET_BYTES) {
      refuse(
        413,
        'invalid-args',
        `${filename} is larger than 25 MB, the most an image can be. Make it smaller first.`,
      );
      return true;
    }
    await turn();
    try {
      const { src } = await drafts.addAssetFromStream({
        id,
        filename,
        mimeType: String(request.headers['content-type'] ?? '')
          .split(';')[0]!
          .trim(),
        body: request,
      });
      answer(201, { src });
    } catch (error) {
      if (!(error instanceof CoreFailure)) throw error;
      refuse(error.code === 'not-found' ? 404 : 400, error.code, error.message);
    } finally {
      done();
    }
    return true;
  };
}
