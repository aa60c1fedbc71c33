import type { DraftStore } from '../../drafts/draft-store';
import type { PublishContext } from '../../outbox/publisher';
import { featuredImage, localImages, readImage, replaceImageSources, type LocalImage } from '../draft-images';
import { uploadOnce, type MediaMemory, type RememberedMedia } from '../media-memory';
import { imageForUpload, uploadKey, type UploadFile } from '../upload-size';
import { XmlRpcError } from '../xmlrpc/errors';
import type { MetaweblogClient } from './client';

/** How many recent media files are searched for uploads whose answers were lost. */
const MEDIA_WINDOW = 100;

// What goes to the blog before the post itself: the draft's images and its categories.

/** The draft's categories, creating the missing ones where the blog allows (unknown names are dropped silently by WordPress otherwise). */
export async function ensureCategories(client: MetaweblogClient, context: PublishContext): Promise<string[]> {
  const wanted = context.draft.categories;
  if (wanted.length === 0 || !context.blog.capabilities.categories) return [];
  const existing = await client.getCategories();
  const byName = new Map(
    existing.map((entry) => [
      (entry.categoryName ?? entry.title ?? '').toLowerCase(),
      entry.categoryName ?? entry.title ?? '',
    ]),
  );
  const names: string[] = [];
  for (const name of wanted) {
    const found = byName.get(name.toLowerCase());
    if (found) names.push(found);
    else if (context.blog.capabilities.newCategories) {
      context.progress(`Creating the category "${name}"`);
      await client.newCategory(name);
      names.push(name);
    } else names.push(name);
  }
  return names;
}

export interface SentImages {
  /** The body pointing at the blog's copies of its images. */
  html: string;
  /** The featured image's attachment id; '' when the author removed it; undefined when never set. */
  thumbnail?: string;
}

/**
 * Uploads the draft's images (and featured image) not on the blog yet. The featured image goes as
 * the original whatever size the body shows it at: themes show it large and WordPress makes its own
 * thumbnails from it. Where the body shows it at its own size that is one upload, not two.
 */
export async function uploadImages(
  client: MetaweblogClient,
  context: PublishContext,
  deps: { drafts: Pick<DraftStore, 'assetFile'>; media: MediaMemory },
): Promise<SentImages> {
  const { draft } = context;
  const featured = featuredImage(draft, deps.drafts);
  const replacements: Record<string, string> = {};
  const pending: LocalImage[] = [];
  for (const image of localImages(draft.html, draft.id, deps.drafts)) {
    const url = context.job.uploads[uploadKey(draft.html, image.src)];
    if (url) replacements[image.src] = url;
    else pending.push(image);
  }
  // The featured image needs its attachment id, which only an upload (or the memory of one) gives.
  const total = pending.length + (featured ? 1 : 0);
  // A retry may follow an upload whose answer never came: find those files instead of sending them again.
  const sentBefore =
    total > 0 && context.job.attempts > 1 ? await uploadedFiles(client) : new Map<string, RememberedMedia>();
  let index = 0;
  const send = (file: UploadFile, type: string) => {
    const number = ++index;
    return uploadOnce(deps.media, context.blog.id, file.data, async () => {
      const found = sentBefore.get(file.name);
      if (found) {
        context.progress(`Image ${number} of ${total} is already on the blog`);
        return found;
      }
      context.progress(`Uploading image ${number} of ${total}`);
      const answer = await client.newMediaObject({ name: file.name, type, bits: file.data });
      return { url: answer.url, mediaId: mediaId(answer.id) };
    });
  };
  for (const image of pending) {
    const sent = await send(await imageForUpload(image, draft.html), image.type);
    replacements[image.src] = sent.url;
    await context.recordUpload(uploadKey(draft.html, image.src), sent.url);
  }
  let thumbnail: string | undefined = draft.featuredImage === null ? '' : undefined;
  if (featured) {
    const sent = await send({ name: featured.name, data: await readImage(featured) }, featured.type);
    thumbnail = sent.mediaId ?? undefined;
  }
  return {
    html: replaceImageSources(draft.html, replacements),
    ...(thumbnail === undefined ? {} : { thumbnail }),
  };
}

/** WordPress answers an upload's attachment id as a string or a number. */
function mediaId(id: unknown): string | null {
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/**
 * The blog's recent files by name, where it lists them (WordPress titles an upload by its file
 * name, and a draft's image names are unique). A blog without the method gives an empty list.
 */
async function uploadedFiles(client: MetaweblogClient): Promise<Map<string, RememberedMedia>> {
  try {
    const files = await client.getMediaLibrary(MEDIA_WINDOW);
    return new Map(
      files.flatMap((file) =>
        file.title && file.link
          ? [[file.title, { url: file.link, mediaId: mediaId(file.attachment_id) }] as const]
          : [],
      ),
    );
  } catch (error) {
    if (error instanceof XmlRpcError && error.kind === 'fault') return new Map();
    throw error;
  }
}
