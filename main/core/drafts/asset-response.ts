import { contentTypeFor } from '../fs/content-types';
import type { DraftStore } from './draft-store';
import { draftIdOfAssetPath } from './draft-assets';

/**
 * What both hosts answer for `/drafts/<id>/assets/<name>`: the image file and headers that keep
 * the response an image (no sniffing into HTML, no script even if opened on its own).
 */
export function draftAssetResponse(
  drafts: DraftStore,
  pathname: string,
): { matched: false } | { matched: true; file: string | null; headers: Record<string, string> } {
  const id = draftIdOfAssetPath(pathname);
  if (!id) return { matched: false };
  const file = drafts.assetFile(id, pathname);
  return {
    matched: true,
    file,
    headers: {
      'Content-Type': file ? contentTypeFor(file) : 'text/plain; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // Asset names are unique per image, so a cached copy is never stale.
      'Cache-Control': 'private, max-age=31536000, immutable',
    },
  };
}
