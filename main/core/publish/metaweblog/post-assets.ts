import type { DraftStore } from '../../drafts/draft-store';
import type { PublishContext } from '../../outbox/publisher';
import { featuredImage, localImages, replaceImageSources } from '../draft-images';
import { uploadOnce, type MediaMemory, type RememberedMedia } from '../media-memory';
import { imageForUpload } from '../upload-size';
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

/** Uploads the draft's images (and featured image) not on the blog yet. */
export async function uploadImages(
  client: MetaweblogClient,
  context: PublishContext,
  deps: { drafts: Pick<DraftStore, 'assetFile'>; media: MediaMemory },
): Promise<SentImages> {
  const { draft } = context;
  const images = localImages(draft.html, draft.id, deps.drafts);
  const chosen = featuredImage(draft, deps.drafts);
  const featured = images.find((image) => image.src === chosen?.src) ?? chosen;
  if (featured && !images.includes(featured)) images.push(featured);
  const replacements: Record<string, string> = { ...context.job.uploads };
  // The featured image needs its attachment id, which only an upload (or the memory of one) gives.
  const pending = images.filter((image) => !replacements[image.src] || image === featured);
  // A retry may follow an upload whose answer never came: find those files instead of sending them again.
  const sentBefore =
    pending.length > 0 && context.job.attempts > 1
      ? await uploadedFiles(client)
      : new Map<string, RememberedMedia>();
  let thumbnail: string | undefined = draft.featuredImage === null ? '' : undefined;
  let index = 0;
  for (const image of pending) {
    index += 1;
    const bits = await imageForUpload(image, draft.html);
    const sent = await uploadOnce(deps.media, context.blog.id, bits, async () => {
      const found = sentBefore.get(image.name);
      if (found) {
        context.progress(`Image ${index} of ${pending.length} is already on the blog`);
        return found;
      }
      context.progress(`Uploading image ${index} of ${pending.length}`);
      const answer = await client.newMediaObject({ name: image.name, type: image.type, bits });
      return { url: answer.url, mediaId: mediaId(answer.id) };
    });
    if (image === featured) thumbnail = sent.mediaId ?? undefined;
    replacements[image.src] = sent.url;
    await context.recordUpload(image.src, sent.url);
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
