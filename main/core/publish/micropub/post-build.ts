import type { MicropubConfig } from '../../../../shared/model/micropub';
import type { DraftStore } from '../../drafts/draft-store';
import { PublishError } from '../../outbox/publish-error';
import type { PublishContext } from '../../outbox/publisher';
import { featuredImage, readImage, replaceImageSources, type LocalImage } from '../draft-images';
import { uploadOnce, type MediaMemory } from '../media-memory';
import { imageForUpload, uploadKey, type UploadFile } from '../upload-size';
import { draftEncoding } from './alt-text';
import type { MicropubAccess } from './micropub-access';
import type { MicropubClient } from './micropub-client';
import type { MicropubFile, MicropubFormat } from './micropub-types';
import { bodyImages, toMicropubCreate, withoutImages } from './post-mapping';
import { markdownContent, sendsMarkdown } from '../markdown-content';

export interface PostBuildDeps {
  access: MicropubAccess;
  drafts: Pick<DraftStore, 'assetFile'>;
  media: MediaMemory;
}

/** The post's properties: images uploaded first (media endpoint) or loaded as files (multipart). */
export async function buildMicropubPost(
  deps: PostBuildDeps,
  context: PublishContext,
  client: MicropubClient,
  config: MicropubConfig,
  forUpdate: boolean,
) {
  const { draft, job, blog } = context;
  const options = job.options.micropub ?? {};
  const alts = new Map(bodyImages(draft.html).map((image) => [image.src, image.alt]));
  const mediaEndpoint = config.mediaEndpoint ?? blog.micropub?.mediaEndpoint ?? null;
  const { kind, format, local, warnings, refusal } = draftEncoding({
    draft,
    blogName: blog.name,
    options,
    mediaEndpoint,
    drafts: deps.drafts,
    forUpdate,
  });
  if (refusal) throw new PublishError('invalid-args', refusal, 'permanent', false);
  if (options.syndicateTo?.length) await checkTargets(client, config, options.syndicateTo);

  let html = draft.html;
  const files: MicropubFile[] = [];
  const chosen = featuredImage(draft, deps.drafts);
  const property = config.featured ?? 'featured';
  let featured: { url: string; property: typeof property } | null = null;
  if ((local.length || chosen) && mediaEndpoint) {
    const uploads = await uploadToMedia(deps, context, local, mediaEndpoint);
    html = replaceImageSources(html, uploads);
    // The featured image goes as the original, whatever size the body shows it at.
    if (chosen) featured = { url: await uploadOriginal(deps, context, chosen, mediaEndpoint), property };
  } else if (local.length || chosen) {
    files.push(...(await imagesAsFiles(local, format, blog.name, draft.html)));
    // Without a media endpoint the featured image travels as a file of its own property.
    const inBody = chosen && local.some((image) => image.src === chosen.src) && property === 'photo';
    if (chosen && !inBody) files.push(...(await imagesAsFiles([chosen], format, blog.name, '', property)));
    html = withoutImages(html, new Set(local.map((image) => image.src)));
  }
  const photos = bodyImages(html).map((image) => ({
    url: image.src,
    alt: alts.get(image.src) ?? image.alt,
  }));
  const post = toMicropubCreate({
    // Only an article's body can go as Markdown (post-mapping.ts): a note's is never converted.
    markdown: kind === 'article' && sendsMarkdown(draft, config) ? await markdownContent(html) : null,
    kind,
    format,
    title: draft.title,
    html,
    slug: draft.slug,
    excerpt: draft.excerpt,
    categories: [...draft.tags, ...draft.categories],
    publishAt: job.options.date ?? draft.publishAt,
    status: job.options.status ?? null,
    visibility: options.visibility ?? null,
    photos: photos.filter((photo) => /^https?:\/\//i.test(photo.url)),
    featured,
    files,
    syndicateTo: forUpdate ? [] : (options.syndicateTo ?? []),
    destination: options.destination ?? null,
  });
  return { post, format, warnings };
}

/**
 * Uploads the draft's own images to the media endpoint, each once and at the size the body shows
 * it: an upload the job already recorded (an earlier attempt) is reused. Answers each image's src →
 * its address on the blog.
 */
async function uploadToMedia(
  deps: PostBuildDeps,
  context: PublishContext,
  local: LocalImage[],
  mediaEndpoint: string,
): Promise<Record<string, string>> {
  const uploads: Record<string, string> = {};
  for (const [index, image] of local.entries()) {
    const key = uploadKey(context.draft.html, image.src);
    let url = context.job.uploads[key];
    if (!url) {
      const file = await imageForUpload(image, context.draft.html);
      url = await sendToMedia(deps, context, { ...file, type: image.type }, mediaEndpoint, () =>
        context.progress(`Uploading image ${index + 1} of ${local.length}`),
      );
      await context.recordUpload(key, url);
    }
    uploads[image.src] = url;
  }
  return uploads;
}

/** The featured image, as the author has it; the memory of uploads keeps it to one upload per blog. */
async function uploadOriginal(
  deps: PostBuildDeps,
  context: PublishContext,
  image: LocalImage,
  mediaEndpoint: string,
): Promise<string> {
  const file = { name: image.name, type: image.type, data: await readImage(image) };
  return sendToMedia(deps, context, file, mediaEndpoint, () =>
    context.progress('Uploading the featured image'),
  );
}

/** One file to the media endpoint unless the blog already has the same bytes; answers its address. */
async function sendToMedia(
  deps: PostBuildDeps,
  context: PublishContext,
  file: UploadFile & { type: string },
  mediaEndpoint: string,
  announce: () => void,
): Promise<string> {
  const sent = await uploadOnce(deps.media, context.blog.id, file.data, async () => {
    announce();
    const address = await deps.access.run(
      context.blog,
      context.signal,
      (media) => media.upload({ filename: file.name, mimeType: file.type, data: file.data }),
      { mediaEndpoint },
    );
    return { url: address, mediaId: null };
  });
  return sent.url;
}

/**
 * The draft's own images as files of a multipart request, for a blog without a media endpoint, at
 * the size `html` shows them ('' for the originals).
 */
async function imagesAsFiles(
  local: LocalImage[],
  format: MicropubFormat,
  blogName: string,
  html: string,
  property: 'photo' | 'featured' = 'photo',
): Promise<MicropubFile[]> {
  if (format !== 'multipart') {
    throw new PublishError(
      'invalid-args',
      `${blogName} has no media endpoint, so images can only travel in a multipart request: publish with --format multipart.`,
      'permanent',
      false,
    );
  }
  const files: MicropubFile[] = [];
  for (const image of local) {
    const { name, data } = await imageForUpload(image, html);
    files.push({ property, filename: name, mimeType: image.type, data });
  }
  return files;
}

async function checkTargets(client: MicropubClient, config: MicropubConfig, wanted: string[]): Promise<void> {
  const targets = config.syndicateTo.length ? config.syndicateTo : await client.syndicateTo();
  const unknown = wanted.filter((uid) => !targets.some((target) => target.uid === uid));
  if (unknown.length) {
    throw new PublishError(
      'invalid-args',
      `The blog offers no syndication target ${unknown.join(', ')}. It offers: ${targets.map((t) => `${t.name} (${t.uid})`).join(', ') || 'none'}.`,
      'permanent',
      false,
    );
  }
}
