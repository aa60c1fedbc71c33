import { randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import type { Draft } from '../../../shared/model/draft';
import { coreCaller } from '../../support/core-call';
import { watchOutbox } from '../../support/outbox-watch';
import { makePng } from '../../support/png';
import { createTestPublishing, publishOnceThroughOutbox } from '../../support/publishing';
import { createTestCore } from '../../support/test-core';
import { useCoreForFile } from '../../support/wordpress/core-for-file';
import { addPeerBlogBehindProxy } from '../../support/wordpress/peer-blog';
import { wordpressRest } from '../../support/wordpress/rest';

const wp = inject('wordpress');
const rest = wordpressRest(wp);

/** Every upload the blog received, counted where it arrives. */
let uploads = 0;
const shared = useCoreForFile('postwright-featured-', {
  target: wp.WP_URL,
  decide: (method) => {
    if (method === 'metaWeblog.newMediaObject' || method === 'wp.uploadFile') uploads++;
    return { action: 'pass' };
  },
});

it('publishes the featured image as the post thumbnail, uploads each image once per blog, and removes it on update', async () => {
  const { core, dataDir, proxy } = shared;
  const call = coreCaller(core);
  const blog = await addPeerBlogBehindProxy(call, wp, proxy.url);
  const publishing = createTestPublishing(core, dataDir, {
    backoff: { baseMs: 20, capMs: 100, maxAttempts: 2 },
  });
  const watching = watchOutbox(core.events);
  const publish = async (draftId: string) => {
    const queued = await publishing.outbox.enqueuePublish({ draftId, blogId: blog.id, options: {} });
    await publishing.outbox.runNow(queued.id);
    const [job] = await watching.settled([queued.id], 60_000);
    expect(job?.state, job?.reason ?? '').toBe('done');
    return rest.post(job!.result!.postId);
  };
  // Bytes no earlier run sent: the blog's library may hold other runs' images.
  const png = makePng(8, [randomInt(256), randomInt(256), randomInt(256)]).toString('base64');
  const addImage = (draft: Draft, filename: string) =>
    call('drafts-add-asset', { id: draft.id, filename, mimeType: 'image/png', dataBase64: png });
  const save = (draft: Draft, changes: Partial<Draft>) =>
    call('drafts-save', { draft: { ...draft, editorState: null, ...changes } });

  const draft = await call('drafts-create', { title: `Featured ${Date.now()}`, blogId: blog.id });
  const { src } = await addImage(draft, 'harbour.png');
  await save(draft, { html: `<p><img src="${src}" alt="the harbour"></p>`, featuredImage: src });
  const created = await publish(draft.id);
  expect(uploads).toBe(1);
  expect(created.featured_media).toBeGreaterThan(0);
  const thumbnail = await rest.media(created.featured_media);
  expect(created.content.raw).toContain(`src="${thumbnail.source_url}"`);

  // The author takes the image out and puts the same file back in: a new file name, the same bytes.
  const again = await addImage(draft, 'harbour.png');
  expect(again.src).not.toBe(src);
  await save(await call('drafts-get', { id: draft.id }), {
    html: `<p>Updated.</p><p><img src="${again.src}" alt="the harbour"></p>`,
    featuredImage: again.src,
  });
  const updated = await publish(draft.id);
  expect(uploads).toBe(1);
  expect(updated.featured_media).toBe(created.featured_media);
  expect(updated.content.raw).toContain(`src="${thumbnail.source_url}"`);

  // Another draft featuring the same picture: still on the blog, so not sent.
  const other = await call('drafts-create', { title: `Featured too ${Date.now()}`, blogId: blog.id });
  const { src: otherSrc } = await addImage(other, 'same.png');
  await save(other, { html: '<p>No image in the body.</p>', featuredImage: otherSrc });
  expect((await publish(other.id)).featured_media).toBe(created.featured_media);
  expect(uploads).toBe(1);

  // Removed in the post panel: the next update takes the thumbnail off the post.
  await save(await call('drafts-get', { id: draft.id }), { featuredImage: null });
  expect((await publish(draft.id)).featured_media).toBe(0);
  expect(uploads).toBe(1);

  watching.stop();
  await publishing.dispose();
}, 120_000);

it('a post pulled from the blog brings its featured image; publishing the draft again keeps the same attachment, uploading nothing', async () => {
  // Published from one data folder...
  const { core, dataDir, proxy } = shared;
  const call = coreCaller(core);
  const blog = await addPeerBlogBehindProxy(call, wp, proxy.url);
  const publishing = createTestPublishing(core, dataDir, {
    backoff: { baseMs: 20, capMs: 100, maxAttempts: 2 },
  });
  const png = makePng(8, [randomInt(256), randomInt(256), randomInt(256)]);
  const draft = await call('drafts-create', { title: `Pulled featured ${Date.now()}`, blogId: blog.id });
  const { src } = await call('drafts-add-asset', {
    id: draft.id,
    filename: 'lighthouse.png',
    mimeType: 'image/png',
    dataBase64: png.toString('base64'),
  });
  await call('drafts-save', {
    draft: { ...draft, editorState: null, html: '<p>Tall.</p>', featuredImage: src },
  });
  const job = await publishOnceThroughOutbox(core, publishing, { draftId: draft.id, blogId: blog.id });
  expect(job?.state, job?.reason ?? '').toBe('done');
  const postId = job!.result!.postId;
  const before = (await rest.post(postId)).featured_media;
  expect(before).toBeGreaterThan(0);

  // ...pulled into another, which has never uploaded anything.
  const otherDir = mkdtempSync(join(tmpdir(), 'postwright-featured-pull-'));
  const other = createTestCore(otherDir);
  try {
    const otherCall = coreCaller(other);
    const otherBlog = await addPeerBlogBehindProxy(otherCall, wp, proxy.url);
    const pulled = await otherCall('posts-pull', { blogId: otherBlog.id, postId });
    expect(pulled.featuredImage).toMatch(new RegExp(`^/drafts/${pulled.id}/assets/lighthouse`));
    expect(readFileSync(other.drafts.assetFile(pulled.id, pulled.featuredImage!)!).equals(png)).toBe(true);

    const sent = uploads;
    const again = await otherCall('publish', { draftId: pulled.id, blogId: otherBlog.id });
    expect(again.state, again.reason ?? '').toBe('done');
    expect(uploads).toBe(sent);
    expect((await rest.post(postId)).featured_media).toBe(before);
  } finally {
    await other.dispose();
    rmSync(otherDir, { recursive: true, force: true });
  }
}, 120_000);
