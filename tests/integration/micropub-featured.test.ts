import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { addMicropubBlog, useMicropubCore } from '../support/micropub-server/micropub-core';
import type { MicropubQuirks } from '../support/micropub-server/micropub-site';
import { makePng } from '../support/png';

/*
 * The featured image over Micropub: uploaded to the media endpoint first, sent as `featured` (or as
 * the first `photo` where the site's config lists photo but not featured), removed on update; and
 * a file the site already has is not uploaded again.
 */

const micropub = useMicropubCore('postwright-micropub-featured-');

async function author(quirks: Partial<MicropubQuirks>) {
  const { site, call, blog } = await micropub.begin(quirks);
  const draft = await call('drafts-create', { title: 'Harbour at dawn', html: '<p>Boats.</p>' });
  const { src } = await call('drafts-add-asset', {
    id: draft.id,
    filename: 'harbour.png',
    mimeType: 'image/png',
    dataBase64: makePng(4).toString('base64'),
  });
  await call('drafts-save', { draft: { ...draft, editorState: null, featuredImage: src } });
  const publish = async () => {
    site.startCase();
    const job = await call('publish', { draftId: draft.id, blogId: blog.id, micropub: { kind: 'article' } });
    expect(job.state, job.reason ?? '').toBe('done');
    return {
      media: site.log.filter((request) => request.path === '/media' && request.method === 'POST'),
      json: site.log.find((request) => request.method === 'POST' && request.json)?.json as {
        properties?: Record<string, unknown[]>;
        replace?: Record<string, unknown[]>;
        delete?: string[];
      },
    };
  };
  return { site, call, draft, publish };
}

it('uploads the featured image to the media endpoint and sends it as featured; an update sends nothing again and a removal deletes it', async () => {
  const { site, call, draft, publish } = await author({});
  const created = await publish();
  expect(created.media).toHaveLength(1);
  const url = created.json.properties?.featured?.[0];
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/\d+-harbour/);
  expect(created.json.properties?.photo).toBeUndefined();
  expect(site.violations).toEqual([]);

  const again = await publish();
  expect(again.media).toHaveLength(0);

  await call('drafts-save', {
    draft: { ...(await call('drafts-get', { id: draft.id })), editorState: null, featuredImage: null },
  });
  const removed = await publish();
  expect(removed.media).toHaveLength(0);
  expect(removed.json.delete).toContain('featured');
  expect([...site.posts.posts.values()][0]?.properties.featured).toBeUndefined();
});

it('sends the featured image as the first photo where the config lists photo but not featured', async () => {
  const { publish } = await author({ postTypeProperties: true });
  const created = await publish();
  expect(created.media).toHaveLength(1);
  expect(created.json.properties?.featured).toBeUndefined();
  expect(created.json.properties?.photo?.[0]).toMatch(/\/media\/\d+-harbour/);
});

it('sends the featured image as a multipart part named featured to a site without a media endpoint', async () => {
  const { site, publish } = await author({ mediaEndpoint: false });
  site.startCase();
  const created = await publish();
  expect(created.media).toHaveLength(0);
  const create = site.log.find((request) => request.method === 'POST' && request.parts.length);
  expect(create?.parts.filter((part) => part.filename).map((part) => part.name)).toEqual(['featured']);
  const [post] = [...site.posts.posts.values()];
  expect(post?.properties.featured?.[0]).toMatch(/\/media\/upload-\d+-harbour/);
  expect(post?.properties.photo).toBeUndefined();
});

it('brings the featured image of a pulled post into the draft; publishing it again keeps it, uploading nothing', async () => {
  const { site, publish } = await author({});
  await publish();
  const [postUrl, post] = [...site.posts.posts.entries()][0]!;
  const featuredUrl = post!.properties.featured?.[0] as string;

  // Another computer (another data folder) pulls the post.
  const { core: elsewhere, call } = micropub.openCore();
  const blog = await addMicropubBlog(call, site);
  const draft = await call('posts-pull', { blogId: blog.id, postId: postUrl });
  expect(draft.featuredImage).toMatch(new RegExp(`^/drafts/${draft.id}/assets/\\d+-harbour`));
  const file = readFileSync(elsewhere.drafts.assetFile(draft.id, draft.featuredImage!)!);
  expect(file.equals(makePng(4))).toBe(true);

  site.startCase();
  const job = await call('publish', { draftId: draft.id, blogId: blog.id, micropub: { kind: 'article' } });
  expect(job.state, job.reason ?? '').toBe('done');
  expect(site.log.filter((request) => request.path === '/media')).toHaveLength(0);
  const update = site.log.find((request) => request.method === 'POST' && request.json)?.json as
    | {
        delete?: string[];
      }
    | undefined;
  expect(update?.delete ?? []).not.toContain('featured');
  expect(site.posts.posts.get(postUrl)?.properties.featured).toEqual([featuredUrl]);
});

it('leaves the featured image of a pulled post it could not download where it is', async () => {
  const { site, call, blog } = await micropub.begin();
  const gone = `${site.url}media/gone.png`;
  const { url } = site.posts.seed('lighthouse', {
    name: ['Lighthouse'],
    content: ['Tall.'],
    featured: [gone],
  });
  const draft = await call('posts-pull', { blogId: blog.id, postId: url });
  expect(draft.featuredImage).toBeUndefined();
  site.startCase();
  const job = await call('publish', { draftId: draft.id, blogId: blog.id, micropub: { kind: 'article' } });
  expect(job.state, job.reason ?? '').toBe('done');
  expect(site.posts.posts.get(url)?.properties.featured).toEqual([gone]);
});
