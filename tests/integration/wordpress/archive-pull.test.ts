import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ArchivePullResult } from '../../../shared/model/archive';
import type { Blog } from '../../../shared/model/blog';
import { wordpressAdmin } from '../../support/archive/seed-wordpress';
import { runCliAsync } from '../../support/cli';
import { coreCaller } from '../../support/core-call';
import { createTestCore } from '../../support/test-core';
import { startForwardingProxy } from '../../support/wordpress/forwarding-proxy';
import { addPeerBlogBehindProxy } from '../../support/wordpress/peer-blog';

// Issue 20: the whole blog pulled into the offline archive, from the real test WordPress.
const wp = inject('wordpress');
const admin = wordpressAdmin(wp);
const run = randomBytes(3).toString('hex');
const SEEDED = 230;

let dataDir: string;
let blog: Blog;
let proxy: Awaited<ReturnType<typeof startForwardingProxy>>;
let seededIds: number[];
/** Each wp.getPosts answer is held this long, so a pull is still going when the test kills it. */
let pageDelayMs = 0;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'postwright-archive-wp-'));
  proxy = await startForwardingProxy(wp.WP_ENDPOINT, (method) =>
    method === 'wp.getPosts' && pageDelayMs ? { action: 'delay', ms: pageDelayMs } : { action: 'pass' },
  );
  const core = createTestCore(dataDir);
  blog = await addPeerBlogBehindProxy(coreCaller(core), wp, proxy.url);
  await core.dispose();
  const [tag, category] = await Promise.all([
    admin.term('tags', `archive-${run}`),
    admin.term('categories', `Archive ${run}`),
  ]);
  seededIds = await admin.createPosts(
    Array.from({ length: SEEDED }, (_, i) => ({
      title: `Archive ${run} number ${i}`,
      content: `<p>Post ${i} of the archive run ${run}${i === 7 ? ' mentions zanzibarite' : ''}.</p>${i % 50 === 0 ? `<p><img src="${wp.WP_URL}/wp-content/uploads/seed-${i}.png" alt=""></p>` : ''}`,
      status: i % 40 === 1 ? 'draft' : 'publish',
      tags: i % 2 ? [tag] : [],
      categories: [category],
    })),
  );
}, 600_000);

afterAll(async () => {
  await proxy?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function pullCli(args: string[] = []) {
  return runCliAsync(['blogs', 'pull', blog.id, ...args], { dataDir });
}

function archivedIds(): string[] {
  const posts = join(dataDir, 'archive', blog.id, 'posts');
  return readdirSync(posts)
    .filter((name) => name.endsWith('.json'))
    .map(
      (name) =>
        (JSON.parse(readFileSync(join(posts, name), 'utf8')) as { post: { postId: string } }).post.postId,
    )
    .sort();
}

describe('pulling the whole blog from WordPress', () => {
  it('killed with -9 halfway, then pulled again: goes on from where it stopped and equals the blog', async () => {
    pageDelayMs = 400;
    const child = spawn(
      process.execPath,
      ['dist/cli/postwright.mjs', '--data-dir', dataDir, 'blogs', 'pull', blog.id],
      {
        env: { ...process.env, POSTWRIGHT_SECRETS: 'file' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    const closed = new Promise((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // The first page is on disk once the count passes it.
        if (/: 100 of about \d+ posts/.test(stderr)) resolve();
      });
      child.on('close', () => reject(new Error(`the pull ended before it was killed:\n${stderr}`)));
    });
    child.kill('SIGKILL');
    await closed;
    const stopped = JSON.parse(readFileSync(join(dataDir, 'archive', blog.id, 'pull.json'), 'utf8'));
    expect(stopped.run?.seen).toBeGreaterThanOrEqual(100);
    expect(stopped.lastCompleteAt).toBeNull();
    pageDelayMs = 0;

    const again = await pullCli(['--json']);
    expect(again.stderr).toMatch(/Pulling .*: \d+ of about \d+ posts/);
    const result = again.json<ArchivePullResult>();
    expect(result).toMatchObject({ complete: true, resumed: true });
    const onBlog = await admin.everyId();
    expect(onBlog.length).toBeGreaterThanOrEqual(SEEDED);
    expect(archivedIds()).toEqual(onBlog);
    expect(result.total).toBe(onBlog.length);

    // What each post carries: its terms, dates, status and media.
    const seventh = (
      await runCliAsync(['drafts', 'search', 'zanzibarite', '--in', 'published', '--json'], { dataDir })
    ).json<{ postId: string; title: string; url: string }[]>();
    expect(seventh.map((hit) => [hit.postId, hit.title])).toEqual([
      [String(seededIds[7]), `Archive ${run} number 7`],
    ]);
    const core = createTestCore(dataDir);
    try {
      const call = coreCaller(core);
      const post = await call('archive-get', { blogId: blog.id, postId: String(seededIds[50]) });
      expect(post).toMatchObject({
        title: `Archive ${run} number 50`,
        tags: [],
        categories: [`Archive ${run}`],
        status: 'publish',
        type: 'post',
        media: [`${wp.WP_URL}/wp-content/uploads/seed-50.png`],
      });
      expect(Date.parse(post.publishedAt!)).toBeGreaterThan(Date.now() - 3_600_000);
      expect(post.modifiedAt).not.toBeNull();
      const draft = await call('archive-get', { blogId: blog.id, postId: String(seededIds[41]) });
      expect(draft).toMatchObject({ status: 'draft', tags: [`archive-${run}`] });
    } finally {
      await core.dispose();
    }
  }, 300_000);

  it('the next pull fetches only what changed: an edit on the blog comes down, the rest is not listed again', async () => {
    const edited = seededIds[12]!;
    await admin.call('POST', `/wp/v2/posts/${edited}`, { title: `Archive ${run} number 12, edited` });
    const result = (await pullCli(['--json'])).json<ArchivePullResult>();
    expect(result.complete).toBe(true);
    expect(result.changed).toBeGreaterThanOrEqual(1);
    // Listed by modification date: the pull stops at the first page older than the last pull.
    expect(result.seen).toBeLessThan(SEEDED);
    const found = (
      await runCliAsync(['drafts', 'search', 'number 12, edited', '--in', 'both', '--json'], { dataDir })
    ).json<{ kind: string; postId: string }[]>();
    expect(found).toEqual([expect.objectContaining({ kind: 'published', postId: String(edited) })]);
  }, 120_000);

  it('"Edit" makes a linked draft of an archived post, and publishing it updates that post', async () => {
    const core = createTestCore(dataDir);
    try {
      const call = coreCaller(core);
      const postId = String(seededIds[20]);
      const draft = await call('archive-edit', { blogId: blog.id, postId });
      expect(draft.remote).toMatchObject({ blogId: blog.id, postId });
      expect(draft.title).toBe(`Archive ${run} number 20`);
      // Edit again: the same draft, not a second one.
      expect((await call('archive-edit', { blogId: blog.id, postId })).id).toBe(draft.id);
      await call('drafts-save', {
        draft: { ...draft, title: `Archive ${run} number 20, revised`, editorState: null },
      });
      const job = await call('publish', { draftId: draft.id });
      expect(job.state).toBe('done');
      expect(job.result?.postId).toBe(postId);
      const onBlog = await admin.call<{ title: { raw: string } }>(
        'GET',
        `/wp/v2/posts/${postId}`,
        undefined,
        {
          context: 'edit',
        },
      );
      expect(onBlog.title.raw).toBe(`Archive ${run} number 20, revised`);
    } finally {
      await core.dispose();
    }
  }, 120_000);
});
