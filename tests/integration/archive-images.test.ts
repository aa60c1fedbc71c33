import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mediaKey } from '../../main/core/archive/archive-media';
import { heldBlog } from '../support/archive/held-blog';
import { runCliAsync } from '../support/cli';
import { useTempDir } from '../support/temp-dir';

// Issue 20: a pull that also keeps the posts' images, through the outbound policy, resumable.
const tempDir = useTempDir('postwright-archive-images-');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A PNG-looking body per image, told apart by its number. */
const png = (n: number) => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from(`image ${n}`)]);

describe('pulling a blog with its images', () => {
  it('keeps the images, refuses what the policy refuses, and next time asks only for what is missing', async () => {
    const asked: string[] = [];
    let flakyFails = true;
    const special = ['moved', 'huge.png', 'page', 'metadata', 'flaky.png'];
    const { blog, dataDir, blogId } = await heldBlog(30, {
      dataDir: tempDir(),
      cleanups,
      body: (i, home) =>
        `<img src="${home}img/${i % 10}.png">${i < special.length ? `<img src="${home}img/${special[i]}">` : ''}`,
      serve: (request, response) => {
        const path = request.url ?? '/';
        if (!path.startsWith('/img/')) return false;
        asked.push(path);
        const image = /^\/img\/(\d+)\.png$/.exec(path);
        if (image) response.writeHead(200, { 'Content-Type': 'image/png' }).end(png(Number(image[1])));
        else if (path === '/img/moved') response.writeHead(302, { Location: '/img/3.png' }).end();
        else if (path === '/img/metadata')
          response.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end();
        else if (path === '/img/page')
          response.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>hi</p>');
        else if (path === '/img/flaky.png' && flakyFails) response.writeHead(500).end();
        else if (path === '/img/flaky.png')
          response.writeHead(200, { 'Content-Type': 'image/png' }).end(png(99));
        else if (path === '/img/huge.png') {
          response.writeHead(200, { 'Content-Type': 'image/png' });
          const chunk = Buffer.alloc(1024 * 1024, 1);
          let sent = 0;
          const more = () => {
            while (sent < 25 && response.write(chunk)) sent += 1;
            if (sent >= 25) response.end();
            else response.once('drain', () => ((sent += 1), more()));
          };
          response.on('error', () => undefined);
          more();
        } else response.writeHead(404).end();
        return true;
      },
    });
    const media = () => readdirSync(join(dataDir, 'archive', blogId, 'media')).sort();

    const plain = await runCliAsync(['blogs', 'pull', blogId, '--json'], { dataDir });
    expect(plain.json()).toMatchObject({ complete: true, total: 30, images: null });
    expect(asked).toEqual([]);

    const first = await runCliAsync(['blogs', 'pull', blogId, '--images'], { dataDir });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /Images: 11 downloaded, 0 already here, 4 not kept \(pull again to try them again\)\.\n$/,
    );
    expect(first.stderr).not.toMatch(/\n\s+at /);
    // The redirect to the metadata address was refused before anything was sent there; the
    // page that is not an image was never read into the archive.
    const url = (path: string) => `${blog.url}img/${path}`;
    const expected = [...Array.from({ length: 10 }, (_, n) => `${n}.png`), 'moved'].map(
      (path) => `${mediaKey(url(path))}.png`,
    );
    expect(media()).toEqual(expected.sort());
    const folder = join(dataDir, 'archive', blogId, 'media');
    expect(readFileSync(join(folder, `${mediaKey(url('7.png'))}.png`))).toEqual(png(7));
    expect(readFileSync(join(folder, `${mediaKey(url('moved'))}.png`))).toEqual(png(3));

    asked.length = 0;
    flakyFails = false;
    const again = await runCliAsync(['blogs', 'pull', blogId, '--images', '--json'], { dataDir });
    expect(again.json()).toMatchObject({ complete: true, images: { saved: 1, kept: 11, failed: 3 } });
    expect(asked.sort()).toEqual(['/img/flaky.png', '/img/huge.png', '/img/metadata', '/img/page']);
    expect(readFileSync(join(folder, `${mediaKey(url('flaky.png'))}.png`))).toEqual(png(99));
  });
});
