import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import type { Draft } from '../../../shared/model/draft';
import { webUrl } from '../../../shared/net/safe-link';
import { imageTypeOf } from '../drafts/draft-assets';
import type { DraftStore } from '../drafts/draft-store';
import { containedFile, readWithoutFollowing } from '../fs/contained-file';
import { startTags } from '../html/start-tags';
import { replaceImageSources } from '../publish/draft-images';
import type { MediaMemory } from '../publish/media-memory';
import type { ArchiveFiles } from './archive-files';
import { downloadedImages, mediaKey } from './archive-media';

export interface ArchiveEditImagesDeps {
  drafts: Pick<DraftStore, 'addAssetFromStream' | 'save' | 'get'>;
  media: Pick<MediaMemory, 'remember'>;
}

/**
 * A draft made offline from an archived post keeps the images the pull downloaded: each becomes a
 * file of the draft (the editor shows only a draft's own files, so an image left at the blog's
 * address would be dropped at the first save), remembered as already on the blog so publishing
 * sends its address again rather than a copy. Images the pull did not keep stay at their address.
 */
export async function keepArchivedImages(
  deps: ArchiveEditImagesDeps,
  files: ArchiveFiles,
  blogId: string,
  draft: Draft,
): Promise<void> {
  const media = join(files.folder(blogId), 'media');
  const downloaded = await downloadedImages(media);
  const replacements: Record<string, string> = {};
  for (const tag of startTags(draft.html, ['img'])) {
    const src = tag.attributes.src ?? '';
    const url = webUrl(src);
    const name = url ? downloaded.get(mediaKey(url)) : undefined;
    if (!url || !name || Object.hasOwn(replacements, src)) continue;
    const file = containedFile(files.root, join(media, name));
    if (!file) continue;
    const bytes = await readWithoutFollowing(file);
    const mimeType = imageTypeOf(bytes.subarray(0, 16));
    if (!mimeType) continue;
    const added = await deps.drafts.addAssetFromStream({
      id: draft.id,
      filename: fileName(url) || name,
      mimeType,
      body: (async function* () {
        yield bytes;
      })(),
    });
    await deps.media.remember(blogId, createHash('sha256').update(bytes).digest('hex'), {
      url,
      mediaId: null,
    });
    replacements[src] = added.src;
  }
  const html = replaceImageSources(draft.html, replacements);
  if (html !== draft.html) await deps.drafts.save({ ...(await deps.drafts.get(draft.id)), html });
}

/** The file name in an image's address (`harbour.jpg`), or '' when it has none that decodes. */
function fileName(url: string): string {
  try {
    return decodeURIComponent(basename(new URL(url).pathname));
  } catch {
    return '';
  }
}
