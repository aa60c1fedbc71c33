import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, inject, it } from 'vitest';
import { coreCaller } from '../../support/core-call';
import { createTestPublishing, publishOnceThroughOutbox } from '../../support/publishing';
import { useCoreForFile } from '../../support/wordpress/core-for-file';
import { addPeerBlog } from '../../support/wordpress/peer-blog';
import { wordpressRest } from '../../support/wordpress/rest';

const wp = inject('wordpress');
const rest = wordpressRest(wp);

const shared = useCoreForFile('postwright-upload-resize-');
// libvips keeps its cache and threads otherwise, and the test worker does not exit in time.
afterAll(() => {
  sharp.cache(false);
  sharp.concurrency(1);
});

/**
 * A photo-sized image, 2400×1600 of noise (so it does not compress to nothing), as JPEG: under
 * WordPress's own 2560-pixel limit, past which it would scale the original itself.
 */
async function photo(): Promise<Buffer> {
  const [width, height] = [2400, 1600];
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919 + (i >> 7) * 104729) & 0xff;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

it('a large image set to medium reaches the blog 640 pixels wide, as the featured image the original; the draft keeps the original', async () => {
  const { core, dataDir } = shared;
  const call = coreCaller(core);
  const blog = await addPeerBlog(call, wp);
  const publishing = createTestPublishing(core, dataDir, {
    backoff: { baseMs: 20, capMs: 100, maxAttempts: 3 },
  });
  const original = await photo();
  const draft = await call('drafts-create', { title: `Resized upload ${Date.now()}`, blogId: blog.id });
  const add = (filename: string) =>
    call('drafts-add-asset', {
      id: draft.id,
      filename,
      mimeType: 'image/jpeg',
      dataBase64: original.toString('base64'),
    });
  const medium = await add('harbour.jpg');
  const full = await add('harbour-full.jpg');
  await call('drafts-save', {
    draft: {
      ...draft,
      html:
        `<p><img src="${medium.src}" alt="the harbour" width="640" class="aligncenter size-medium"></p>` +
        `<p><img src="${full.src}" alt="the harbour, whole" class="size-full"></p>`,
      editorState: null,
      // Featured too: the theme shows it large and WordPress makes its own thumbnails from it.
      featuredImage: medium.src,
    },
  });

  const job = await publishOnceThroughOutbox(core, publishing, { draftId: draft.id, blogId: blog.id });
  expect(job?.state, job?.reason ?? '').toBe('done');

  const download = async (url: string) => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const uploaded = async (title: string) => {
    const files = await rest.mediaTitled(title);
    expect(files).toHaveLength(1);
    return download(files[0]!.source_url);
  };
  // The resized copy goes under a name of its own, so the library tells it from the original.
  const resized = await uploaded(basename(medium.src).replace(/\.jpg$/, '-640w.jpg'));
  expect(await sharp(resized).metadata()).toMatchObject({ format: 'jpeg', width: 640, height: 427 });
  expect(resized.length).toBeLessThan(original.length / 5);
  // "Original" goes as it is, byte for byte; the draft's own files are never changed.
  expect((await uploaded(basename(full.src))).equals(original)).toBe(true);
  const post = await rest.post(job!.result!.postId);
  const thumbnail = await rest.media(post.featured_media);
  expect((await download(thumbnail.source_url)).equals(original)).toBe(true);
  // The same bytes shown whole in the body: one upload serves both.
  expect(post.content.raw).toContain(`src="${thumbnail.source_url}"`);
  const kept = readFileSync(core.drafts.assetFile(draft.id, medium.src)!);
  expect(kept.equals(original)).toBe(true);
}, 120_000);
