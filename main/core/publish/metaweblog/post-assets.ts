import type { DraftStore } from '../../drafts/draft-store';
import type { PublishContext } from '../../outbox/publisher';
import { localImages, replaceImageSources } from '../draft-images';
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

/** Uploads the draft's images not on the blog yet and answers with the body pointing at the blog's copies. */
export async function uploadImages(
  client: MetaweblogClient,
  context: PublishContext,
  drafts: Pick<DraftStore, 'assetFile'>,
): Promise<string> {
  const images = localImages(context.draft.html, context.draft.id, drafts);
  const replacements: Record<string, string> = { ...context.job.uploads };
  const pending = images.filter((image) => !replacements[image.src]);
  // A retry may follow an upload whose answer never came: find those files instead of sending them again.
  const sentBefore = pending.length > 0 && context.job.attempts > 1 ? await uploadedFiles(client) : new Map();
  let index = 0;
  for (const image of pending) {
    index += 1;
    let url = sentBefore.get(image.name);
    if (url) context.progress(`Image ${index} of ${pending.length} is already on the blog`);
    else {
      context.progress(`Uploading image ${index} of ${pending.length}`);
      url = (
        await client.newMediaObject({
          name: image.name,
          type: image.type,
          bits: await imageForUpload(image, context.draft.html),
        })
      ).url;
    }
    replacements[image.src] = url;
    await context.recordUpload(image.src, url);
  }
  return replaceImageSources(context.draft.html, replacements);
}

/**
 * The blog's recent files by name, where it lists them (WordPress titles an upload by its file
 * name, and a draft's image names are unique). A blog without the method gives an empty list.
 */
async function uploadedFiles(client: MetaweblogClient): Promise<Map<string, string>> {
  try {
    const files = await client.getMediaLibrary(MEDIA_WINDOW);
    return new Map(files.flatMap((file) => (file.title && file.link ? [[file.title, file.link]] : [])));
  } catch (error) {
    if (error instanceof XmlRpcError && error.kind === 'fault') return new Map();
    throw error;
  }
}
