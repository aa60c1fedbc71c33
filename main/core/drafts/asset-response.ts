import { contentTypeFor } from '../fs/content-types';
import type { DraftStore } from './draft-store';
import { draftIdOfAssetPath } from './draft-assets';

/** Where the hosts find the images the app shows from disk: the drafts' and the archive's. */
export interface LocalImages {
  drafts: DraftStore;
  /**
   * The file behind an archived image's path (`/archive/<blog id>/media/<name>`), null when there is
   * none; undefined when the path is not one. Given by the composition root: drafts do not know the archive.
   */
  archiveFile(pathname: string): string | null | undefined;
}

/**
 * What both hosts answer for `/drafts/<id>/assets/<name>` and `/archive/<blog id>/media/<name>`:
 * the image file and headers that keep the response an image (no sniffing into HTML, no script
 * even if opened on its own).
 */
export function localImageResponse(
  images: LocalImages,
  pathname: string,
): { matched: false } | { matched: true; file: string | null; headers: Record<string, string> } {
  const id = draftIdOfAssetPath(pathname);
  const file = id ? images.drafts.assetFile(id, pathname) : images.archiveFile(pathname);
  if (file === undefined) return { matched: false };
  return {
    matched: true,
    file,
    headers: {
      'Content-Type': file ? contentTypeFor(file) : 'text/plain; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // Asset names are unique per image, and an archived image's is its address hashed: a cached copy is never stale.
      'Cache-Control': 'private, max-age=31536000, immutable',
    },
  };
}
