import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Core } from '../../../main/core/create-core';
import { coreCaller } from '../../support/core-call';
import { watchOutbox } from '../../support/outbox-watch';
import { makePng } from '../../support/png';
import { createTestPublishing } from '../../support/publishing';
import { createTestCore } from '../../support/test-core';
import { startForwardingProxy } from '../../support/wordpress/forwarding-proxy';
import { addPeerBlogBehindProxy } from '../../support/wordpress/peer-blog';
import { wordpressRest } from '../../support/wordpress/rest';

const wp = inject('wordpress');
const rest = wordpressRest(wp);

let dataDir: string;
let core: Core;
let proxy: Awaited<ReturnType<typeof startForwardingProxy>>;
let uploadsSeen = 0;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'postwright-media-lost-'));
  core = createTestCore(dataDir);
  // WordPress stores the first upload, but its answer never comes back.
  proxy = await startForwardingProxy(wp.WP_URL, (method) =>
    method === 'metaWeblog.newMediaObject' && ++uploadsSeen === 1 ? { action: 'drop' } : { action: 'pass' },
  );
});

// The hooks above may not have run (no test WordPress): clean up only what exists.
afterAll(async () => {
  await core?.dispose();
  await proxy?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('an image whose upload answer was lost is found on the blog, not uploaded twice, and still made the featured image', async () => {
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

  const watching = watchOutbox(core.events);
  const queued = await publishing.outbox.enqueuePublish({ draftId: draft.id, blogId: blog.id, options: {} });
  await publishing.outbox.runNow(queued.id);
  const [job] = await watching.settled([queued.id], 60_000);
  watching.stop();
  await publishing.dispose();

  expect(job?.state, job?.reason ?? '').toBe('done');
  expect(proxy.dropped()).toBe(1);
  expect(uploadsSeen).toBe(1);
  const files = await rest.mediaTitled(basename(src));
  expect(files).toHaveLength(1);
  const post = await rest.post(job!.result!.postId);
  expect(post.content.raw).toContain(`src="${files[0]!.source_url}"`);
  expect(post.featured_media).toBe(files[0]!.id);
}, 90_000);
