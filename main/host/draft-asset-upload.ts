import type { IncomingMessage, ServerResponse } from 'node:http';
import { CoreFailure } from '../../shared/contract/errors';
import { isDraftId } from '../core/drafts/draft-paths';
import { MAX_ASSET_BYTES } from '../core/drafts/draft-assets';
import type { DraftStore } from '../core/drafts/draft-store';

/** Uploads handled at once; the rest wait their turn (TCP holds their bytes back meanwhile). */
const CONCURRENT_UPLOADS = 2;

/**
 * How much of a refused body is read and thrown away before answering. Answering while the browser
 * still sends and then closing resets the connection under it: the author saw "fetch failed" instead
 * of the sentence. Past this much the sender is not a browser sending one image, and is cut off.
 */
const DISCARD_LIMIT = 2 * MAX_ASSET_BYTES;

/** Reads the rest of a body to nowhere (no memory kept), up to DISCARD_LIMIT. */
function discardRest(request: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (request.complete || request.destroyed) return resolve();
    let discarded = 0;
    request.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > DISCARD_LIMIT) request.destroy();
    });
    request.once('end', () => resolve());
    request.once('close', () => resolve());
    request.resume();
  });
}

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
    const answer = async (status: number, body: unknown) => {
      await discardRest(request);
      if (response.destroyed) return;
      response.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        // A refused upload's connection is not reused: what is left of its body is nobody's.
        ...(status >= 400 ? { Connection: 'close' } : {}),
      });
      response.end(JSON.stringify(body));
    };
    const refuse = (status: number, code: string, message: string) =>
      answer(status, { error: { code, message } });
    if (!sameOrigin) {
      await refuse(403, 'invalid-args', 'Images can only be added from Postwright itself.');
      return true;
    }
    const id = match[1]!;
    if (!isDraftId(id)) {
      await refuse(404, 'not-found', `No draft with id ${id}.`);
      return true;
    }
    const filename = (url.searchParams.get('name') ?? 'image').slice(0, 255) || 'image';
    if (Number(request.headers['content-length'] ?? 0) > MAX_ASSET_BYTES) {
      await refuse(
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
      await answer(201, { src });
    } catch (error) {
      if (!(error instanceof CoreFailure)) throw error;
      await refuse(error.code === 'not-found' ? 404 : 400, error.code, error.message);
    } finally {
      done();
    }
    return true;
  };
}
