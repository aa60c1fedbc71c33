import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import { useMicropubAuthor } from '../support/micropub-server/micropub-cli';
import { useMicropubCore } from '../support/micropub-server/micropub-core';
import type { MicropubQuirks } from '../support/micropub-server/micropub-site';
import { makePng } from '../support/png';

/*
 * Images go to a Micropub site at the size the body shows them, like to WordPress: the media
 * endpoint (or the multipart request) gets the resized copy, the featured image goes as the
 * original, and the draft's own file is never changed.
 */

const micropub = useMicropubCore('postwright-micropub-resize-');
const authors = useMicropubAuthor('postwright-micropub-resize-cli-');
// libvips keeps its cache and threads otherwise, and the test worker does not exit in time.
afterAll(() => {
  sharp.cache(false);
  sharp.concurrency(1);
});

async function publishHarbour(quirks: Partial<MicropubQuirks>, featured: boolean) {
  const { site, core, call, blog } = await micropub.begin(quirks);
  const original = makePng(1500);
  const draft = await call('drafts-create', { title: 'Harbour at dawn', html: '<p>Boats.</p>' });
  const { src } = await call('drafts-add-asset', {
    id: draft.id,
    filename: 'harbour.png',
    mimeType: 'image/png',
    dataBase64: original.toString('base64'),
  });
  await call('drafts-save', {
    draft: {
      ...draft,
      html: `<p><img src="${src}" alt="the harbour" width="640" class="aligncenter size-medium"></p>`,
      editorState: null,
      featuredImage: featured ? src : null,
    },
  });
  site.startCase();
  const job = await call('publish', { draftId: draft.id, blogId: blog.id, micropub: { kind: 'article' } });
  expect(job.state, job.reason ?? '').toBe('done');
  const files = site.log.flatMap((request) => request.parts.filter((part) => part.filename));
  const kept = readFileSync(core.drafts.assetFile(draft.id, src)!);
  expect(kept.equals(original)).toBe(true);
  return { site, call, blog, draftId: draft.id, files, original };
}

it('sends a large image set to medium to the media endpoint 640 pixels wide and the featured image as the original', async () => {
  const { site, files, original } = await publishHarbour({}, true);
  expect(files.map((file) => file.filename)).toEqual([
    expect.stringMatching(/^harbour-\w+-640w\.png$/),
    expect.stringMatching(/^harbour-\w+\.png$/),
  ]);
  expect(await sharp(files[0]!.data).metadata()).toMatchObject({ format: 'png', width: 640, height: 640 });
  expect(files[1]!.data!.equals(original)).toBe(true);
  const json = site.log.find((request) => request.method === 'POST' && request.json)?.json as {
    properties: Record<string, unknown[]>;
  };
  expect(json.properties.featured?.[0]).toMatch(/\/media\/\d+-harbour-\w+\.png$/);
  expect(JSON.stringify(json.properties.content)).toMatch(/\/media\/\d+-harbour-\w+-640w\.png/);
});

it('sends the resized copy in a multipart request to a site without a media endpoint', async () => {
  const { files } = await publishHarbour({ mediaEndpoint: false }, false);
  expect(files.map((file) => [file.name, file.filename])).toEqual([
    ['photo', expect.stringMatching(/^harbour-\w+-640w\.png$/)],
  ]);
  expect(await sharp(files[0]!.data).metadata()).toMatchObject({ width: 640 });
});

it('a command-line publish that resized an image ends by itself, libvips loaded', async () => {
  const author = await authors.begin();
  const { site } = author;
  const draftId = await author.draft({
    title: 'Harbour',
    html: '<p><img src="harbour.png" alt="the harbour" class="size-small"></p>',
    images: ['harbour.png'],
    imageBytes: makePng(1500),
  });
  site.startCase();
  // The command's own end is the test: a process kept alive by libvips threads is killed after a minute (-1).
  const published = await author.cli(['publish', draftId, '--as', 'article']);
  expect(published.status, published.stderr).toBe(0);
  const [upload] = site.log.flatMap((request) => request.parts.filter((part) => part.filename));
  expect(await sharp(upload!.data).metadata()).toMatchObject({ width: 320 });
});

it('sends an image again at its new size when the author resizes it after publishing', async () => {
  const { site, call, blog, draftId } = await publishHarbour({}, false);
  const full = await call('drafts-get', { id: draftId });
  const small = full.html.replace(
    'width="640" class="aligncenter size-medium"',
    'width="320" class="aligncenter size-small"',
  );
  expect(small).not.toBe(full.html);
  await call('drafts-save', { draft: { ...full, editorState: null, html: small } });
  site.startCase();
  const job = await call('publish', { draftId: full.id, blogId: blog.id, micropub: { kind: 'article' } });
  expect(job.state, job.reason ?? '').toBe('done');
  const files = site.log.flatMap((request) => request.parts.filter((part) => part.filename));
  expect(files.map((file) => file.filename)).toEqual([expect.stringMatching(/^harbour-\w+-320w\.png$/)]);
  expect(await sharp(files[0]!.data).metadata()).toMatchObject({ width: 320 });
});
