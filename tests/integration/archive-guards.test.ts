import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { postKey } from '../../main/core/archive/archive-files';
import { runCliAsync, startCli } from '../support/cli';
import { heldBlog as startHeldBlog } from '../support/archive/held-blog';
import { coreCaller } from '../support/core-call';
import { useTempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

// Issue 20: two processes pulling the same blog, and archive files that cannot be read.
const tempDir = useTempDir('postwright-archive-guards-');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const heldBlog = (count: number) => startHeldBlog(count, { dataDir: tempDir(), cleanups });

const postFiles = (dataDir: string, blogId: string) =>
  readdirSync(join(dataDir, 'archive', blogId, 'posts')).sort();

describe('two processes pulling the same blog', () => {
  it('the second is told in one sentence that a pull is running; the first finishes whole', async () => {
    const { blog, dataDir, blogId } = await heldBlog(250);
    blog.hold();
    const first = startCli(['blogs', 'pull', blogId, '--json'], { dataDir });
    await blog.asked;

    const second = await runCliAsync(['blogs', 'pull', blogId], { dataDir });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(
      /^postwright: A pull of .+ is already running, here or in another Postwright window or command; wait for it to finish or cancel it\.\n$/,
    );
    expect(blog.sourceReads).toBe(1);

    blog.release();
    const done = await first.result;
    expect(done.status, done.stderr).toBe(0);
    expect(done.json()).toMatchObject({ complete: true, seen: 250, changed: 250, total: 250 });
    expect(postFiles(dataDir, blogId)).toHaveLength(250);

    // Released: the next pull runs, and finds nothing changed.
    const again = await runCliAsync(['blogs', 'pull', blogId, '--json'], { dataDir });
    expect(again.status, again.stderr).toBe(0);
    expect(again.json()).toMatchObject({ complete: true, changed: 0, total: 250 });
  });

  it('a pull killed (-9) while it holds the blog does not keep the next one out; it goes on', async () => {
    const { blog, dataDir, blogId } = await heldBlog(250);
    // Its first page lands; it is killed waiting for the second.
    blog.hold(100);
    const first = startCli(['blogs', 'pull', blogId], { dataDir });
    await blog.asked;
    const owner = readFileSync(join(dataDir, '.locks', `archive-pull-${blogId}.lock`), 'utf8');
    process.kill(Number(owner.split(' ')[0]), 'SIGKILL');
    expect((await first.result).status).not.toBe(0);
    blog.release();

    const next = await runCliAsync(['blogs', 'pull', blogId, '--json'], { dataDir });
    expect(next.status, next.stderr).toBe(0);
    expect(next.json()).toMatchObject({ complete: true, resumed: true, total: 250 });
    expect(postFiles(dataDir, blogId)).toHaveLength(250);
  });
});

describe('archive files that cannot be read', () => {
  const quarantined = (dataDir: string) => readdirSync(join(dataDir, 'quarantine'));

  it('pull.json: set aside with a time stamp, named on stderr, and the pull starts over cleanly', async () => {
    const { blog, dataDir, blogId } = await heldBlog(250);
    blog.hold(200);
    const first = startCli(['blogs', 'pull', blogId], { dataDir });
    await blog.asked;
    first.stop();
    await first.result;
    blog.release();
    const statePath = join(dataDir, 'archive', blogId, 'pull.json');
    expect(JSON.parse(readFileSync(statePath, 'utf8'))).toMatchObject({ run: { seen: 200 } });

    for (const damage of ['{"version": 1, "run": {"cursor": "x"', '{"version":1,"run":{"cursor":7}}']) {
      writeFileSync(statePath, damage);
      const reads = blog.sourceReads;
      const pull = await runCliAsync(['blogs', 'pull', blogId, '--json'], { dataDir });
      expect(pull.status, pull.stderr).toBe(0);
      expect(pull.json()).toMatchObject({ complete: true, resumed: false, seen: 250, total: 250 });
      expect(blog.sourceReads - reads).toBe(3);
      const [line] = pull.stderr.split('\n').filter((text) => text.startsWith('postwright:'));
      expect(line).toMatch(
        new RegExp(
          `^postwright: Where the pull of ${blogId} stood could not be read, so it was set aside; the pull started over\\. It is now .+/quarantine/[0-9TZ-]+-archive-${blogId}-pull\\.json\\.$`,
        ),
      );
      const kept = line!.slice(line!.indexOf('It is now ') + 'It is now '.length, -1);
      expect(readFileSync(kept, 'utf8')).toBe(damage);
      expect(postFiles(dataDir, blogId)).toHaveLength(250);
    }
    expect(quarantined(dataDir)).toHaveLength(2);
  });

  it('a post file cut short: set aside and reported when read, out of search, back with the next pull', async () => {
    const { dataDir, blogId } = await heldBlog(130);
    const core = createTestCore(dataDir);
    cleanups.push(() => core.dispose());
    const call = coreCaller(core);
    await call('archive-pull', { blogId });
    const postId = `${(await call('blogs-list', {}))[0]!.homeUrl}posts/42`;
    const found = async () =>
      (await call('archive-search', { query: 'Note 42', in: 'published' })).items.map((hit) => hit.title);
    expect(await found()).toEqual(['Note 42']);
    const key = postKey(postId);
    const path = join(dataDir, 'archive', blogId, 'posts', `${key}.json`);
    const whole = readFileSync(path, 'utf8');
    writeFileSync(path, whole.slice(0, whole.length / 2));

    await expect(call('archive-get', { blogId, postId })).rejects.toThrow(/not in the archive/);
    const problems = await call('problems-list', {});
    expect(problems).toEqual([
      expect.objectContaining({
        message: `A post archived from ${blogId} could not be read, so it was set aside; pull the blog again to bring it back.`,
        file: expect.stringMatching(new RegExp(`/quarantine/[0-9TZ-]+-archive-${blogId}-${key}\\.json$`)),
      }),
    ]);
    expect(readFileSync(problems[0]!.file!, 'utf8')).toBe(whole.slice(0, whole.length / 2));
    expect(await found()).toEqual([]);

    expect(await call('archive-pull', { blogId })).toMatchObject({ complete: true, changed: 1, total: 130 });
    expect(await call('archive-get', { blogId, postId })).toMatchObject({ title: 'Note 42' });
    expect(await found()).toEqual(['Note 42']);
  });
});
