import { createHash } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { archiveImageSrc, type ArchiveImages } from '../../../shared/model/archive';
import { webUrl } from '../../../shared/net/safe-link';
import { writeFileAtomic } from '../fs/atomic-write';
import { startTags } from '../html/start-tags';
import type { GotAnswer } from '../platform/outbound-get';
import type { ArchiveFiles } from './archive-files';

/** The image types kept, by content type, with the extension their file gets. */
const IMAGE_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};
/** An image bigger than this is not kept (a photo straight from a camera is well under it). */
export const IMAGE_MOST_BYTES = 20 * 1024 * 1024;
/** Images fetched at once: a blog's own server is asked politely. */
const AT_ONCE = 4;

/** The kept extension for an answer's content type, or null when it is not an image we keep. */
export function imageExtension(contentType: string | undefined): string | null {
  return IMAGE_TYPES[(contentType ?? '').split(';')[0]!.trim().toLowerCase()] ?? null;
}

/** An image's file name without its extension: the first 32 hex digits of the SHA-256 of its address. */
export function mediaKey(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 32);
}

export interface MediaDeps {
  files: ArchiveFiles;
  /** A GET through the outbound policy (deadline, size cap, each redirect checked). */
  get(url: string, signal: AbortSignal): Promise<GotAnswer>;
}

/**
 * Downloads the images the blog's archived posts refer to into `archive/<blog id>/media/`, those
 * not there yet: a pull stopped halfway (killed, cancelled, offline) goes on with the rest, and an
 * image that failed is asked for again next time. Each file is written crash-safely.
 */
export async function pullImages(
  deps: MediaDeps,
  blogId: string,
  signal: AbortSignal,
  progress: (done: number, total: number) => void,
): Promise<ArchiveImages & { complete: boolean }> {
  const folder = join(deps.files.folder(blogId), 'media');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const have = await downloadedImages(folder);
  const wanted = new Set<string>();
  for (const key of await deps.files.keys(blogId)) {
    if (signal.aborted) break;
    for (const url of (await deps.files.read(blogId, key))?.post.media ?? []) wanted.add(url);
  }
  const left = [...wanted].filter((url) => !have.has(mediaKey(url)));
  const counts = { saved: 0, kept: wanted.size - left.length, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < left.length && !signal.aborted) {
      const url = left[next++]!;
      try {
        const answer = await deps.get(url, signal);
        const extension = imageExtension(answer.headers['content-type']);
        if (answer.status !== 200 || !extension || !answer.body.length) {
          counts.failed += 1;
          continue;
        }
        await writeFileAtomic(join(folder, `${mediaKey(url)}.${extension}`), answer.body);
        counts.saved += 1;
      } catch (error) {
        if (signal.aborted) break;
        // A full disk stops the pull; a refused, broken or too big image is only counted.
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw error;
        counts.failed += 1;
      } finally {
        progress(counts.kept + counts.saved + counts.failed, wanted.size);
      }
    }
  };
  progress(counts.kept, wanted.size);
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  return { ...counts, complete: !signal.aborted };
}

/** The images in a blog's `media/` folder: each one's media key → its file name. */
export async function downloadedImages(folder: string): Promise<Map<string, string>> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  return new Map(
    names.flatMap((name) => {
      const key = /^([0-9a-f]{32})\.[a-z]+$/.exec(name)?.[1];
      return key ? [[key, name] as const] : [];
    }),
  );
}

/**
 * The post's body with each image a pull downloaded pointing at the archive's copy, which the hosts
 * serve, so the post shows its images with the network off; every other byte is kept as it was.
 */
export function withArchivedImages(html: string, blogId: string, downloaded: Map<string, string>): string {
  if (!downloaded.size) return html;
  let result = '';
  let at = 0;
  for (const tag of startTags(html, ['img'])) {
    const span = tag.valueSpans.src;
    const url = webUrl(tag.attributes.src ?? '');
    const name = url ? downloaded.get(mediaKey(url)) : undefined;
    if (!span || !name) continue;
    result += html.slice(at, span.start) + archiveImageSrc(blogId, name);
    at = span.end;
  }
  return result + html.slice(at);
}
