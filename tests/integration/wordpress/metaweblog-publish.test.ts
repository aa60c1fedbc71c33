import { randomBytes } from 'node:crypto';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../../main/core/create-core';
import type { Blog } from '../../../shared/model/blog';
import { coreCaller } from '../../support/core-call';
import { makePng } from '../../support/png';
import { createTestCore } from '../../support/test-core';
import { wordpressRest } from '../../support/wordpress/rest';

const wp = inject('wordpress');
const rest = wordpressRest(wp);
const run = randomBytes(3).toString('hex');

let dataDir: string;
let core: Core;
let call: ReturnType<typeof coreCaller>;
let blog: Blog;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'postwright-wp-'));
  core = createTestCore(dataDir);
  call = coreCaller(core);
});

// The hooks above may not have run (no test WordPress): clean up only what exists.
afterAll(async () => {
  await core?.dispose();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function newDraft(fields: {
  title: string;
  html?: string;
  tags?: string[];
  categories?: string[];
  slug?: string;
  excerpt?: string;
}) {
  const draft = await call('drafts-create', { ...fields, blogId: blog.id });
  return draft;
}

describe('MetaWeblog against a real WordPress', () => {
  it('discovers the XML-RPC endpoint from the home page and adds the blog', async () => {
    const report = await call('blogs-discover', { url: wp.WP_URL });
    expect(report.metaweblog?.endpoint).toBe(wp.WP_ENDPOINT);
    expect(report.metaweblog?.remoteBlogId).toBe(wp.WP_BLOG_ID);
    expect(report.metaweblog?.apiName).toBe('MetaWeblog');
    expect(report.probes.find((probe) => probe.step === 'rel="EditURI"')?.outcome).toBe('found');
    expect(report.probes.find((probe) => probe.step === 'RSD document')?.outcome).toBe('found');
    expect(report.probes.find((probe) => probe.step === 'rel="micropub"')?.outcome).toBe('absent');
    expect(report.metaweblog?.capabilities).toMatchObject({
      newCategories: true,
      media: true,
      slug: true,
      scheduling: true,
    });

    const account = await call('blogs-account-blogs', {
      endpoint: report.metaweblog!.endpoint,
      username: wp.WP_USER,
      password: wp.WP_PASSWORD,
    });
    expect(account.map((entry) => entry.remoteBlogId)).toContain(wp.WP_BLOG_ID);
    blog = await call('blogs-add', {
      protocol: 'metaweblog',
      homeUrl: report.homeUrl,
      endpoint: report.metaweblog!.endpoint,
      remoteBlogId: account[0]!.remoteBlogId,
      name: account[0]!.name,
      username: wp.WP_USER,
      password: wp.WP_PASSWORD,
    });
    expect(await call('blogs-list', {})).toHaveLength(1);
    expect((await call('blogs-test', { id: blog.id })).ok).toBe(true);
    const categories = await call('blogs-categories', { id: blog.id });
    expect(categories.map((entry) => entry.name)).toContain('Peer Test');
  });

  it('publishes tags, an existing and a new category, slug, excerpt, a more break and an image; WordPress stores every field', async () => {
    const title = `Field check ${run} <&> "q" é`;
    const newCategory = `Fresh ${run}`;
    const draft = await newDraft({
      title,
      tags: ['alpha', `beta ${run}`],
      categories: ['Peer Test', newCategory],
      slug: `field-check-${run}`,
      excerpt: 'A short excerpt.',
    });
    const png = makePng(4);
    const { src } = await call('drafts-add-asset', {
      id: draft.id,
      filename: 'dot.png',
      mimeType: 'image/png',
      dataBase64: png.toString('base64'),
    });
    const html = `<p>Intro with <strong>bold</strong>.</p><p><img src="${src}" alt="a dot"></p>\n<!--more-->\n<p>The rest.</p>`;
    await call('drafts-save', { draft: { ...draft, html, editorState: null } });

    const job = await call('publish', { draftId: draft.id });
    expect(job.state, job.reason ?? '').toBe('done');
    const postId = job.result!.postId;
    const stored = await rest.post(postId);
    expect(stored.title.raw).toBe(title);
    expect(stored.slug).toBe(`field-check-${run}`);
    expect(stored.excerpt.raw).toBe('A short excerpt.');
    expect(stored.status).toBe('publish');
    expect(stored.link).toBe(job.result!.url);
    expect(await rest.termNames('tags', stored.tags)).toEqual(['alpha', `beta ${run}`].sort());
    expect(await rest.termNames('categories', stored.categories)).toEqual(['Peer Test', newCategory].sort());
    const [intro, more] = stored.content.raw.split('<!--more-->');
    expect(more).toBe('<p>The rest.</p>');
    const imageUrl = /<img src="([^"]+)" alt="a dot">/.exec(intro!)?.[1];
    expect(imageUrl).toMatch(new RegExp(`^${wp.WP_URL}/wp-content/uploads/.+\\.png$`));
    expect(intro).toBe(`<p>Intro with <strong>bold</strong>.</p><p><img src="${imageUrl}" alt="a dot"></p>`);
    const image = await axios.get<ArrayBuffer>(imageUrl!, { responseType: 'arraybuffer' });
    expect(Buffer.from(image.data).equals(png)).toBe(true);

    const local = await call('drafts-get', { id: draft.id });
    expect(local.status).toBe('published');
    expect(local.remote).toMatchObject({
      blogId: blog.id,
      postId,
      url: job.result!.url,
      remoteStatus: 'publish',
    });

    // Publishing again updates the same post, and does not upload the image again.
    await call('drafts-save', {
      draft: {
        ...local,
        title: `${title} (edited)`,
        html: html.replace('The rest.', 'The rest, edited.'),
        editorState: null,
      },
    });
    const again = await call('publish', { draftId: draft.id });
    expect(again.state, again.reason ?? '').toBe('done');
    expect(again.result!.postId).toBe(postId);
    const updated = await rest.post(postId);
    expect(updated.title.raw).toBe(`${title} (edited)`);
    expect(updated.content.raw).toContain('The rest, edited.');
    expect(updated.content.raw).toContain(imageUrl!);
    expect(await rest.postsTitled(`${title} (edited)`)).toHaveLength(1);
  });

  it('publishes a captioned, centred image as a WordPress caption figure; the live post shows it', async () => {
    const draft = await newDraft({ title: `Harbour ${run}` });
    const { src } = await call('drafts-add-asset', {
      id: draft.id,
      filename: 'harbour.png',
      mimeType: 'image/png',
      dataBase64: makePng(8).toString('base64'),
    });
    // As the editor writes an image whose panel says: caption, centre, medium.
    const html =
      `<figure class="wp-caption aligncenter"><img src="${src}" alt="Boats at the wall" width="640" class="size-medium">` +
      '<figcaption class="wp-caption-text">Shoreham, 6 a.m.</figcaption></figure><p>The catch was sold by nine.</p>';
    await call('drafts-save', { draft: { ...draft, html, editorState: null } });
    const job = await call('publish', { draftId: draft.id });
    expect(job.state, job.reason ?? '').toBe('done');

    const live = (await axios.get<string>(job.result!.url!, { responseType: 'text' })).data;
    const figure = /<figure class="wp-caption aligncenter">([\s\S]*?)<\/figure>/.exec(live)?.[1];
    expect(figure, 'the live post has the caption figure').toBeDefined();
    // WordPress adds attributes of its own (decoding, loading) to the <img> it shows.
    const image = /<img [^>]*>/.exec(figure!)?.[0] ?? '';
    expect(image).toMatch(new RegExp(`src="${wp.WP_URL}/wp-content/uploads/[^"]+\\.png"`));
    for (const attribute of ['alt="Boats at the wall"', 'width="640"', 'class="size-medium"'])
      expect(image).toContain(attribute);
    expect(figure).toContain('<figcaption class="wp-caption-text">Shoreham, 6 a.m.</figcaption>');
  });

  it('schedules a post with a future date, and keeps a server draft as a draft', async () => {
    const future = new Date(Date.now() + 30 * 24 * 3600_000);
    future.setUTCMilliseconds(0);
    const scheduled = await newDraft({ title: `Scheduled ${run}`, html: '<p>Later.</p>' });
    const job = await call('publish', { draftId: scheduled.id, date: future.toISOString() });
    expect(job.state, job.reason ?? '').toBe('done');
    expect(job.result!.remoteStatus).toBe('future');
    const stored = await rest.post(job.result!.postId);
    expect(stored.status).toBe('future');
    expect(new Date(`${stored.date_gmt}Z`).toISOString()).toBe(future.toISOString());
    expect((await call('drafts-get', { id: scheduled.id })).status).toBe('scheduled');

    const serverDraft = await newDraft({ title: `Server draft ${run}`, html: '<p>Not yet.</p>' });
    const saved = await call('publish', { draftId: serverDraft.id, status: 'draft' });
    expect(saved.state, saved.reason ?? '').toBe('done');
    expect((await rest.post(saved.result!.postId)).status).toBe('draft');
    expect((await call('drafts-get', { id: serverDraft.id })).status).toBe('draft');
  });

  it('deletes a post from the blog', async () => {
    const draft = await newDraft({ title: `To delete ${run}`, html: '<p>Short-lived.</p>' });
    const job = await call('publish', { draftId: draft.id });
    expect(job.state).toBe('done');
    const deleted = await call('posts-delete', { draftId: draft.id });
    expect(deleted.state, deleted.reason ?? '').toBe('done');
    expect((await rest.post(job.result!.postId)).status).toBe('trash');
    expect((await call('drafts-get', { id: draft.id })).remote).toBeNull();
  });

  it('lists recent posts, pulls one into a draft and publishes it back as an update', async () => {
    const draft = await newDraft({
      title: `Pull me ${run}`,
      html: '<p>Original.</p>',
      tags: ['pulled'],
      excerpt: 'Pull excerpt',
    });
    const job = await call('publish', { draftId: draft.id });
    const postId = job.result!.postId;
    const recent = await call('posts-recent', { blogId: blog.id, limit: 10 });
    expect(recent.map((post) => post.postId)).toContain(postId);

    const pulled = await call('posts-pull', { blogId: blog.id, postId });
    expect(pulled.id).not.toBe(draft.id);
    expect(pulled).toMatchObject({
      title: `Pull me ${run}`,
      tags: ['pulled'],
      excerpt: 'Pull excerpt',
      slug: `pull-me-${run}`,
    });
    expect(pulled.html).toContain('Original.');
    expect(pulled.remote).toMatchObject({ blogId: blog.id, postId });

    await call('drafts-save', {
      draft: { ...pulled, html: '<p>Changed after pulling.</p>', editorState: null },
    });
    const update = await call('publish', { draftId: pulled.id });
    expect(update.state, update.reason ?? '').toBe('done');
    expect(update.result!.postId).toBe(postId);
    expect((await rest.post(postId)).content.raw).toBe('<p>Changed after pulling.</p>');
    expect(await rest.postsTitled(`Pull me ${run}`)).toHaveLength(1);
  });

  it('says what to do when the password is wrong', async () => {
    await expect(
      call('blogs-account-blogs', {
        endpoint: wp.WP_ENDPOINT,
        username: wp.WP_USER,
        password: 'not-the-password',
      }),
    ).rejects.toMatchObject({
      code: 'auth-failed',
      message: expect.stringMatching(/refused the user name or password.*Blogs → Edit/),
    });

    await call('blogs-update', { id: blog.id, patch: { password: 'not-the-password' } });
    const draft = await newDraft({ title: `Wrong password ${run}`, html: '<p>x</p>' });
    const job = await call('publish', { draftId: draft.id });
    expect(job.state).toBe('failed');
    expect(job.reason).toMatch(/refused the user name or password/);
    expect((await call('drafts-get', { id: draft.id })).status).toBe('failed');
    expect((await call('blogs-test', { id: blog.id })).ok).toBe(false);
    await call('blogs-update', { id: blog.id, patch: { password: wp.WP_PASSWORD } });
    expect(await rest.postsTitled(`Wrong password ${run}`)).toHaveLength(0);
  });
});
