import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { coreCaller } from '../support/core-call';
import { addMicropubBlog } from '../support/micropub-server/micropub-core';
import { startMicropubSite, type MicropubSite } from '../support/micropub-server/micropub-site';
import { makePng } from '../support/png';
import { createTestCore } from '../support/test-core';
import { useTempDir } from '../support/temp-dir';

/*
 * A post pulled from the blog keeps its images: the editor shows only a draft's own files, so an
 * image left at the blog's address would be dropped at the first save and gone from the post at
 * the next update. Pulled images become the draft's files, remembered as already on the blog.
 */

const tempDir = useTempDir('postwright-pulled-images-');
const cores: Core[] = [];
let site: MicropubSite | undefined;
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.dispose()));
  await site?.close();
  site = undefined;
});

async function signedIn() {
  const core = createTestCore(tempDir());
  cores.push(core);
  const call = coreCaller(core);
  const blog = await addMicropubBlog(call, site!);
  return { core, call, blog };
}

const contentHtml = (url: string) => {
  const content = site!.posts.posts.get(url)?.properties.content?.[0] as { html?: string } | undefined;
  return content?.html ?? '';
};

it('brings the body images of a pulled post into the draft; publishing it again keeps them, uploading nothing', async () => {
  site = await startMicropubSite({});
  const author = await signedIn();
  const draft = await author.call('drafts-create', { title: 'Harbour at dawn', html: '<p>Boats.</p>' });
  const { src } = await author.call('drafts-add-asset', {
    id: draft.id,
    filename: 'harbour.png',
    mimeType: 'image/png',
    dataBase64: makePng(4).toString('base64'),
  });
  const html = `<p>Boats.</p><p><img src="${src}" alt="The harbour"></p>`;
  await author.call('drafts-save', { draft: { ...draft, editorState: null, html } });
  const first = await author.call('publish', {
    draftId: draft.id,
    blogId: author.blog.id,
    micropub: { kind: 'article' },
  });
  expect(first.state, first.reason ?? '').toBe('done');
  const [postUrl] = [...site.posts.posts.keys()];
  const imageUrl = /src="([^"]+)"/.exec(contentHtml(postUrl!))?.[1];
  expect(imageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\//);

  // Another computer (another data folder) pulls the post.
  const elsewhere = await signedIn();
  const pulled = await elsewhere.call('posts-pull', { blogId: elsewhere.blog.id, postId: postUrl! });
  const localSrc = /src="([^"]+)"/.exec(pulled.html)?.[1];
  expect(localSrc).toMatch(new RegExp(`^/drafts/${pulled.id}/assets/\\d+-`));
  expect(pulled.html).toContain('alt="The harbour"');
  const file = elsewhere.core.drafts.assetFile(pulled.id, localSrc!);
  expect(readFileSync(file!).equals(makePng(4))).toBe(true);

  site.startCase();
  const again = await elsewhere.call('publish', {
    draftId: pulled.id,
    blogId: elsewhere.blog.id,
    micropub: { kind: 'article' },
  });
  expect(again.state, again.reason ?? '').toBe('done');
  expect(site.log.filter((request) => request.path === '/media' && request.method === 'POST')).toHaveLength(
    0,
  );
  expect(contentHtml(postUrl!)).toContain(`src="${imageUrl}"`);
});

it('leaves an image it could not download at its address, and the pull goes on', async () => {
  site = await startMicropubSite({});
  const reader = await signedIn();
  const gone = `${site.url}media/gone.png`;
  const { url } = site.posts.seed('lighthouse', {
    name: ['Lighthouse'],
    content: [{ html: `<p>Tall.</p><p><img src="${gone}" alt="The light"></p>` }],
  });
  const pulled = await reader.call('posts-pull', { blogId: reader.blog.id, postId: url });
  expect(pulled.title).toBe('Lighthouse');
  expect(pulled.html).toContain(`src="${gone}"`);
});
