import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { draftAssetResponse } from '../core/drafts/asset-response';
import type { DraftStore } from '../core/drafts/draft-store';

/** Serves a draft's image for `/drafts/<id>/assets/<name>`; false when the path is not one. */
export async function serveDraftAsset(
  drafts: DraftStore,
  pathname: string,
  response: ServerResponse,
): Promise<boolean> {
  const answer = draftAssetResponse(drafts, pathname);
  if (!answer.matched) return false;
  const info = answer.file ? await stat(answer.file).catch(() => undefined) : undefined;
  if (!answer.file || !info?.isFile()) {
    response.writeHead(404, answer.headers).end('Not found');
    return true;
  }
  response.writeHead(200, { ...answer.headers, 'Content-Length': info.size });
  createReadStream(answer.file).pipe(response);
  return true;
}
