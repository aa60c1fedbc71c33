import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../support/cli';
import { startApp } from '../support/reliability/app-process';
import { startFakeBlog, type FakeBlog } from '../support/reliability/fake-blog';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-repair-');
let blog: FakeBlog;
beforeAll(async () => {
  blog = await startFakeBlog();
});
afterAll(() => blog.close());

describe('multi-file changes and leftovers (issue 12, item 6)', () => {
  it('a blog is never saved without its password: the secret goes first, inside the blogs lock', async () => {
    const dataDir = tempDir();
    // secrets.json cannot be written (a folder in its place), as when a crash or a full disk stops it.
    mkdirSync(join(dataDir, 'secrets.json'), { recursive: true });
    const added = await runCliAsync(['blogs', 'add', blog.homeUrl, '--user', 'author', '--password-stdin'], {
      dataDir,
      input: 'secret\n',
    });
    expect(added.status).toBe(1);
    const blogs = existsSync(join(dataDir, 'blogs.json'))
      ? (JSON.parse(readFileSync(join(dataDir, 'blogs.json'), 'utf8')) as { blogs: unknown[] }).blogs
      : [];
    expect(blogs).toEqual([]);
  }, 120_000);

  it('the app removes secrets of blogs a crash left unsaved, and old temporary files of every store', async () => {
    const dataDir = tempDir();
    await runCliAsync(['blogs', 'add', blog.homeUrl, '--user', 'author', '--password-stdin'], {
      dataDir,
      input: 'secret\n',
    });
    const secretsPath = join(dataDir, 'secrets.json');
    const secrets = JSON.parse(readFileSync(secretsPath, 'utf8')) as Record<string, string>;
    writeFileSync(secretsPath, JSON.stringify({ ...secrets, 'blog:never-saved:password': 'x' }));
    const old = new Date(Date.now() - 5 * 60_000);
    const leftovers = [
      '.blogs.json.0123456789ab.tmp',
      'settings.json.tmp-12345abc',
      'calendar/.events.json.0123456789ab.tmp',
      'inbox/.snapshot.json.0123456789ab.tmp',
      'outbox/.x.json.0123456789ab.tmp',
      'drafts/.index.json.0123456789ab.tmp',
    ];
    for (const name of leftovers) {
      mkdirSync(join(dataDir, name, '..'), { recursive: true });
      writeFileSync(join(dataDir, name), 'half');
      utimesSync(join(dataDir, name), old, old);
    }
    // A young one may be another process's write in progress: it stays.
    writeFileSync(join(dataDir, 'calendar', '.events.json.ba9876543210.tmp'), 'writing');
    const app = await startApp(dataDir);
    try {
      await app.call('inbox-list', {});
      await app.call('outbox-list', {});
      await app.call('events-list', {});
      for (let tries = 0; tries < 50 && readFileSync(secretsPath, 'utf8').includes('never-saved'); tries += 1)
        await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await app.stop();
    }
    expect(Object.keys(JSON.parse(readFileSync(secretsPath, 'utf8')) as object)).toEqual(
      Object.keys(secrets),
    );
    expect(leftovers.filter((name) => existsSync(join(dataDir, name)))).toEqual([]);
    expect(existsSync(join(dataDir, 'calendar', '.events.json.ba9876543210.tmp'))).toBe(true);
  }, 120_000);
});
