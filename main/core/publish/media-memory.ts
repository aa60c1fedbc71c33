import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import { storeLockPath, withStoreLock } from '../fs/store-lock';

/** A file a blog already has: where it lives and, on WordPress, its attachment id (for a featured image). */
export interface RememberedMedia {
  url: string;
  mediaId: string | null;
}

interface MediaEntry extends RememberedMedia {
  blogId: string;
  sha256: string;
}

interface MediaFile {
  version: 1;
  media: MediaEntry[];
}

/** Enough for years of posts; the oldest entries go first, and forgetting one costs only an upload. */
const MAX_ENTRIES = 20_000;

/**
 * What each blog already has, by the SHA-256 of the bytes sent: an image is uploaded to a blog once,
 * whichever draft, file name or update sends it again, and whether or not the blog can list its
 * media (only WordPress has wp.getMediaLibrary). Kept in `media-uploads.json`, each change a
 * read-modify-write under the `media-uploads` lock, replaced crash-safely.
 */
export class MediaMemory {
  private readonly path: string;
  private readonly lock: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'media-uploads.json');
    this.lock = storeLockPath(dataDir, 'media-uploads');
  }

  async find(blogId: string, sha256: string): Promise<RememberedMedia | null> {
    const entry = (await this.read()).find((item) => item.blogId === blogId && item.sha256 === sha256);
    return entry ? { url: entry.url, mediaId: entry.mediaId } : null;
  }

  remember(blogId: string, sha256: string, media: RememberedMedia): Promise<void> {
    return withStoreLock(this.lock, async () => {
      const others = (await this.read()).filter((item) => item.blogId !== blogId || item.sha256 !== sha256);
      const file: MediaFile = {
        version: 1,
        media: [...others, { blogId, sha256, url: media.url, mediaId: media.mediaId }].slice(-MAX_ENTRIES),
      };
      await writeFileAtomic(this.path, JSON.stringify(file));
    });
  }

  /** A missing or damaged file is an empty one: the memory saves uploads, nothing else depends on it. */
  private async read(): Promise<MediaEntry[]> {
    try {
      const file = JSON.parse(await readFile(this.path, 'utf8')) as Partial<MediaFile>;
      if (!Array.isArray(file.media)) return [];
      return file.media.filter(
        (item): item is MediaEntry =>
          typeof item?.blogId === 'string' &&
          typeof item.sha256 === 'string' &&
          typeof item.url === 'string' &&
          (item.mediaId === null || typeof item.mediaId === 'string'),
      );
    } catch {
      return [];
    }
  }
}

/**
 * Sends `data` to the blog unless the blog already has the same bytes: the one place a publisher
 * uploads a file. `upload` does the sending and answers with where the blog put it.
 */
export async function uploadOnce(
  memory: MediaMemory,
  blogId: string,
  data: Uint8Array,
  upload: () => Promise<RememberedMedia>,
): Promise<RememberedMedia & { reused: boolean }> {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const known = await memory.find(blogId, sha256);
  if (known) return { ...known, reused: true };
  const sent = await upload();
  await memory.remember(blogId, sha256, sent);
  return { ...sent, reused: false };
}
