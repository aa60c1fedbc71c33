import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { mediaKey } from '../../main/core/archive/archive-media';
import type { Core } from '../../main/core/create-core';
import { silentLogger } from '../../main/core/platform/logger';
import { registerAppProtocol } from '../../main/electron/app-protocol';
import { startBrowserHost, type RunningBrowserHost } from '../../main/host/browser-host';
import { heldBlog } from '../support/archive/held-blog';
import { coreCaller } from '../support/core-call';
import { makePng } from '../support/png';
import { useTempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

// Issue 20: an archived post shows the images its pull downloaded, from disk, with the network off;
// served like draft images: behind the token, only real files inside the archive, no link followed.
const tempDir = useTempDir('postwright-archive-images-host-');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const QUOKKA = makePng(24, [200, 120, 40]);
const SECRET = '{"token":"the author secret"}';

/** A blog of 3 notes, the second with a photo; pulled with its images, then the blog goes away. */
async function pulledWithImages() {
  const { blog, dataDir, blogId } = await heldBlog(3, {
    dataDir: tempDir(),
    cleanups,
    body: (i, home) => (i === 1 ? `<p><img src="${home}img/quokka.png" alt="A quokka"></p>` : ''),
    serve: (request, response) => {
      if (request.url !== '/img/quokka.png') return false;
      response.writeHead(200, { 'Content-Type': 'image/png' }).end(QUOKKA);
      return true;
    },
  });
  const core = createTestCore(dataDir);
  cleanups.push(() => core.dispose());
  const call = coreCaller(core);
  const pulled = await call('archive-pull', { blogId, images: true });
  expect(pulled.images).toEqual({ saved: 1, kept: 0, failed: 0 });
  // The network is off from here: the blog and its images are gone.
  await cleanups.shift()!();
  const post = await call('archive-get', { blogId, postId: `${blog.url}posts/1` });
  const media = join(dataDir, 'archive', blogId, 'media');
  return { core, dataDir, blogId, post, media, quokkaName: `${mediaKey(`${blog.url}img/quokka.png`)}.png` };
}

async function hostOf(core: Core) {
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Postwright</title>');
  const host: RunningBrowserHost = await startBrowserHost({
    core,
    port: 0,
    rendererDir,
    logger: silentLogger,
  });
  cleanups.push(() => host.close());
  const token = new URL(host.url).searchParams.get('token')!;
  const get = (path: string, withToken = true) =>
    fetch(`http://127.0.0.1:${host.port}${path}`, {
      headers: withToken ? { Cookie: `postwright_${host.port}=${token}` } : {},
    });
  return { get, rendererDir };
}

/** Links planted in the archive folder, each named as a pull names an image, each pointing out of it. */
function plantLinks(dataDir: string, blogId: string, media: string) {
  const secret = join(dataDir, 'secret.json');
  writeFileSync(secret, SECRET);
  const linkedFile = `${'a'.repeat(32)}.png`;
  symlinkSync(secret, join(media, linkedFile));
  // A blog folder that is a link to a folder outside, holding a real image.
  const outside = join(tempDir(), 'media');
  mkdirSync(outside);
  writeFileSync(join(outside, `${'b'.repeat(32)}.png`), QUOKKA);
  symlinkSync(join(outside, '..'), join(dataDir, 'archive', 'linked-blog'));
  // A media folder that is a link.
  mkdirSync(join(dataDir, 'archive', 'linked-media'));
  symlinkSync(outside, join(dataDir, 'archive', 'linked-media', 'media'));
  return [
    `/archive/${blogId}/media/${linkedFile}`,
    `/archive/linked-blog/media/${'b'.repeat(32)}.png`,
    `/archive/linked-media/media/${'b'.repeat(32)}.png`,
  ];
}

describe('the images of an archived post, offline', () => {
  it('points the post at the archived image and serves it from disk, only with the token', async () => {
    const { core, blogId, post, media, quokkaName } = await pulledWithImages();
    expect(readdirSync(media)).toEqual([quokkaName]);
    const src = `/archive/${blogId}/media/${quokkaName}`;
    expect(post.html).toContain(`<img src="${src}" alt="A quokka">`);

    const { get } = await hostOf(core);
    const image = await get(src);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await image.arrayBuffer()).equals(QUOKKA)).toBe(true);
    expect((await get(src, false)).status).toBe(401);
  });

  it('refuses a link in the archive folder and any path out of it, in the browser host', async () => {
    const { core, dataDir, blogId, media } = await pulledWithImages();
    const { get } = await hostOf(core);
    for (const path of [
      ...plantLinks(dataDir, blogId, media),
      `/archive/${blogId}/media/${'c'.repeat(32)}.png`,
      `/archive/${blogId}/media/..%2fpull.json`,
      `/archive/${blogId}/media/%2e%2e%2f%2e%2e%2f..%2fsecret.json`,
      `/archive/..%2f..%2fsecret.json/media/${'a'.repeat(32)}.png`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      const body = await response.text();
      expect(body, path).not.toContain('the author secret');
      expect(body, path).not.toContain('"cursor"');
    }
  });

  it('serves the archived image through the desktop app’s app:// handler, and refuses the links there too', async () => {
    const { core, dataDir, blogId, media, quokkaName } = await pulledWithImages();
    const { rendererDir } = await hostOf(core);
    let handler: ((request: Request) => Promise<Response>) | undefined;
    const protocol = { handle: (_scheme: string, fn: typeof handler) => (handler = fn) };
    registerAppProtocol(protocol as unknown as Protocol, rendererDir, core.images);

    const image = await handler!(new Request(`app://postwright/archive/${blogId}/media/${quokkaName}`));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(QUOKKA)).toBe(true);
    for (const path of plantLinks(dataDir, blogId, media)) {
      const refused = await handler!(new Request(`app://postwright${path}`));
      expect(refused.status, path).toBe(404);
      expect(await refused.text(), path).not.toContain('the author secret');
    }
  });
});
