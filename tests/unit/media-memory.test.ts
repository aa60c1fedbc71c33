import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MediaMemory, uploadOnce } from '../../main/core/publish/media-memory';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-media-memory-');

it('uploads the same bytes to a blog once, and again to another blog', async () => {
  const memory = new MediaMemory(tempDir());
  let sent = 0;
  const upload = (url: string) => async () => {
    sent++;
    return { url, mediaId: String(sent) };
  };
  const bytes = Buffer.from('the same picture');
  expect(await uploadOnce(memory, 'blog-a', bytes, upload('https://a.example/1.png'))).toEqual({
    url: 'https://a.example/1.png',
    mediaId: '1',
    reused: false,
  });
  expect(await uploadOnce(memory, 'blog-a', Buffer.from(bytes), upload('https://a.example/2.png'))).toEqual({
    url: 'https://a.example/1.png',
    mediaId: '1',
    reused: true,
  });
  expect((await uploadOnce(memory, 'blog-b', bytes, upload('https://b.example/1.png'))).url).toBe(
    'https://b.example/1.png',
  );
  expect(sent).toBe(2);
});

it('counts a damaged file as empty, uploads again and writes a whole file', async () => {
  const dir = tempDir();
  const memory = new MediaMemory(dir);
  const file = join(dir, 'media-uploads.json');
  writeFileSync(file, '{"version":1,"media":[{"blogId":"blog-a"');
  const sent = await uploadOnce(memory, 'blog-a', Buffer.from('x'), async () => ({
    url: 'https://a.example/x.png',
    mediaId: null,
  }));
  expect(sent.reused).toBe(false);
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { media: { url: string }[] };
  expect(saved.media.map((entry) => entry.url)).toEqual(['https://a.example/x.png']);
});

it('remembers nothing when the upload fails, so the next publish sends the file', async () => {
  const memory = new MediaMemory(tempDir());
  await expect(
    uploadOnce(memory, 'blog-a', Buffer.from('y'), () => Promise.reject(new Error('offline'))),
  ).rejects.toThrow('offline');
  expect(await memory.find('blog-a', 'anything')).toBeNull();
  const again = await uploadOnce(memory, 'blog-a', Buffer.from('y'), async () => ({
    url: 'https://a.example/y.png',
    mediaId: null,
  }));
  expect(again.reused).toBe(false);
});
