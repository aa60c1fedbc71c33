import { basename } from 'node:path';
import { expect, inject, it } from 'vitest';
import { coreCaller } from '../../support/core-call';
import { makePng } from '../../support/png';
import { createTestPublishing, publishOnceThroughOutbox } from '../../support/publishing';
import { useCoreForFile } from '../../support/wordpress/core-for-file';
import { addPeerBlogBehindProxy } from '../../support/wordpress/peer-blog';
import { wordpressRest } from '../../support/wordpress/rest';

const wp = inject('wordpress');
const rest = wordpressRest(wp);

let uploadsSeen = 0;
const shared = useCoreForFile('postwright-media-lost-', {
  target: wp.WP_URL,
  // WordPress stores the first upload, but its answer never comes back.
  decide: (method) =>
    method === 'metaWeblog.newMediaObject' && ++uploadsSeen === 1 ? { action: 'drop' } : { action: 'pass' },
});

it('an image whose upload answer was lost is found on the blog, not uploaded twice, and still made the featured image', async () => {
  const { core, dataDir, proxy } = shared;
  const call = coreCaller(core);
  const blog = await addPeerBlogBehindProxy(call, wp, proxy.url);
  const publishing = createTestPublishing(core, dataDir, {
    backoff: { baseMs: 20, capMs: 100, maxAttempts: 5 },
  });
  const draft = await call('drafts-create', { title: `Lost upload ${Date.now()}`, blogId: blog.id });
  const { src } = await call('drafts-add-asset', {
    id: draft.id,
    filename: 'pier.png',
    mimeType: 'image/png',
    dataBase64: makePng(6).toString('base64'),
  });
  await call('drafts-save', {
    draft: {
      ...draft,
      html: `<p><img src="${src}" alt="the pier"></p>`,
      editorState: null,
      featuredImage: src,
    },
  });

  const job = await publishOnceThroughOutbox(core, publishing, { draftId: draft.id, blogId: blog.id });

  expect(job?.state, job?.reason ?? '').toBe('done');
  expect(proxy.dropped()).toBe(1);
  expect(uploadsSeen).toBe(1);
  const files = await rest.mediaTitled(basename(src));
  expect(files).toHaveLength(1);
  const post = await rest.post(job!.result!.postId);
  expect(post.content.raw).toContain(`src="${files[0]!.source_url}"`);
  expect(post.featured_media).toBe(files[0]!.id);
}, 90_000);
