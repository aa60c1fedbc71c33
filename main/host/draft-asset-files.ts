import type { ServerResponse } from 'node:http';
import { draftAssetResponse } from '../core/drafts/asset-response';
import type { DraftStore } from '../core/drafts/draft-store';
import { openWithoutFollowing } from '../core/fs/contained-file';

/** Serves a draft's image for `/drafts/<id>/assets/<name>`; false when the path is not one. */
export async function serveDraftAsset(
  drafts: DraftStore,
  pathname: string,
  response: ServerResponse,
): Promise<boolean> {
  const answer = draftAssetResponse(drafts, pathname);
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
