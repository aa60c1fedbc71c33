import type { ServerResponse } from 'node:http';
import { localImageResponse, type LocalImages } from '../core/drafts/asset-response';
import { openWithoutFollowing } from '../core/fs/contained-file';

/**
 * Serves a draft's image for `/drafts/<id>/assets/<name>` and an archived post's for
 * `/archive/<blog id>/media/<name>`; false when the path is neither.
 */
export async function serveLocalImage(
  images: LocalImages,
  pathname: string,
  response: ServerResponse,
): Promise<boolean> {
  const answer = localImageResponse(images, pathname);
  if (!answer.matched) return false;
  const handle = answer.file ? await openWithoutFollowing(answer.file).catch(() => undefined) : undefined;
  if (!handle) {
    response.writeHead(404, answer.headers).end('Not found');
    return true;
  }
  const { size } = await handle.stat();
  response.writeHead(200, { ...answer.headers, 'Content-Length': size });
  handle.createReadStream().pipe(response);
  return true;
}
