import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { heldBlog } from '../support/archive/held-blog';
import { coreCaller } from '../support/core-call';
import { useTempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

// Issue 20: "Edit" turns an archived post into a linked draft, with the network off too: then the
// archived copy becomes the draft, linked the same way, so publishing it later updates the post.
const tempDir = useTempDir('postwright-archive-offline-edit-');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('Edit on an archived post with the blog unreachable', () => {
  it('makes a draft of the archived copy, linked to the post, and the same draft the next time', async () => {
    const { blog, dataDir, blogId } = await heldBlog(3, { dataDir: tempDir(), cleanups });
    const core = createTestCore(dataDir);
    cleanups.push(() => core.dispose());
    const call = coreCaller(core);
    expect(await call('archive-pull', { blogId })).toMatchObject({ complete: true, total: 3 });
    // The blog is gone: nothing answers on its port.
    await cleanups.shift()!();
    const postId = `${blog.url}posts/1`;

    const draft = await call('archive-edit', { blogId, postId });
    expect(draft.title).toBe('Note 1');
    expect(draft.html).toContain('Body of note 1');
    expect(draft.remote).toMatchObject({ blogId, postId, url: postId, remoteStatus: 'publish' });
    expect(draft.status).toBe('published');
    expect((await call('archive-edit', { blogId, postId })).id).toBe(draft.id);
    expect((await call('drafts-list', {})).filter((one) => one.title === 'Note 1')).toHaveLength(1);
  });

  it('keeps the images the pull downloaded as the draft’s own files, so the first save does not drop them', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('the harbour')]);
    const { blog, dataDir, blogId } = await heldBlog(2, {
      dataDir: tempDir(),
      cleanups,
      body: (i, home) => `<p>Note ${i}.</p><p><img src="${home}img/${i}.png" alt="Picture ${i}"></p>`,
      serve: (request, response) => {
        if (!request.url?.startsWith('/img/')) return false;
        response.writeHead(200, { 'Content-Type': 'image/png' }).end(png);
        return true;
      },
    });
    const core = createTestCore(dataDir);
    cleanups.push(() => core.dispose());
    const call = coreCaller(core);
    expect(await call('archive-pull', { blogId, images: true })).toMatchObject({ complete: true });
    await cleanups.shift()!();

    const draft = await call('archive-edit', { blogId, postId: `${blog.url}posts/1` });
    const src = /<img[^>]*src="([^"]+)"/.exec(draft.html)?.[1];
    expect(src).toMatch(new RegExp(`^/drafts/${draft.id}/assets/`));
    expect(draft.html).toContain('alt="Picture 1"');
    expect(readFileSync(core.drafts.assetFile(draft.id, src!)!).equals(png)).toBe(true);
  });
});
