import { join } from 'node:path';
import { ARCHIVE_IMAGE_PATH } from '../../../shared/model/archive';
import { containedFile } from '../fs/contained-file';

/**
 * The file behind an archived image's path (`/archive/<blog id>/media/<file>`, see
 * ARCHIVE_IMAGE_PATH), or null: only names a pull could have made, and only a regular file whose
 * real path lies inside the archive folder, so a link in it (the file, media/, the blog's folder)
 * is never followed. `undefined` when the path is not an archived image's at all.
 */
export function archiveImageFile(archiveRoot: string, pathname: string): string | null | undefined {
  const match = ARCHIVE_IMAGE_PATH.exec(pathname);
  if (!match) return undefined;
  return containedFile(archiveRoot, join(archiveRoot, match[1]!, 'media', match[2]!));
}
