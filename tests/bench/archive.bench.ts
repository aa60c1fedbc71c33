import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Draft } from '../../shared/model/draft';
import { archiveEntry } from '../../main/core/archive/archive-index';
import { contentHash } from '../../main/core/archive/archive-files';
import { searchTextOf } from '../../main/core/drafts/draft-index';
import { htmlToText } from '../../main/core/drafts/draft-text';
import { IndexDb } from '../../main/core/drafts/index-db';
import { createHttpClient } from '../../main/core/platform/http';
import { MetaweblogClient } from '../../main/core/publish/metaweblog/client';
import { heldBlog } from '../support/archive/held-blog';
import { wordpressAdmin } from '../support/archive/seed-wordpress';
import { coreCaller } from '../support/core-call';
import { createTestCore } from '../support/test-core';
import { addPeerBlog } from '../support/wordpress/peer-blog';
import { startWordPress, stopWordPress } from '../support/wordpress/wordpress-peer';
import { median, percentile, row, type BenchRow, type BenchSuite } from './bench-kit';
import { generateDrafts } from './generate-drafts';

const PORT = process.env.POSTWRIGHT_BENCH_WP_PORT ?? '8783';
/** Posts the bench blog holds before its pull (made once; later runs reuse them). */
const BLOG_POSTS = 1000;
/**
 * Posts of the local Micropub blog: seeding 10,000 through WordPress's API takes longer than the
 * rest of the bench, so the 10k pull is against a fast server on 127.0.0.1 (tests/support).
 */
const LOCAL_POSTS = 10_000;

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Pull throughput: the whole test WordPress pulled into an empty archive (pages fetched, posts
 * written and synced, indexed), against the same wp.getPosts pages fetched and nothing else.
 */
async function pullRows(): Promise<BenchRow[]> {
  const wp = startWordPress(PORT);
  try {
    const admin = wordpressAdmin(wp);
    const have = (await admin.everyId()).length;
    if (have < BLOG_POSTS)
      await admin.createPosts(
        Array.from({ length: BLOG_POSTS - have }, (_, i) => ({
          title: `Bench post ${i}`,
          content: `<p>Links of week ${i}: ${'Brighton and Hove council meeting. '.repeat(20)}</p>`,
          status: 'publish',
        })),
      );
    const dataDir = mkdtempSync(join(tmpdir(), 'postwright-bench-archive-'));
    try {
      const core = createTestCore(dataDir);
      const call = coreCaller(core);
      const blog = await addPeerBlog(call, wp);
      let pulled = 0;
      const pull = await time(async () => {
        pulled = (await call('archive-pull', { blogId: blog.id })).seen;
      });
      await core.dispose();
      const client = new MetaweblogClient(createHttpClient('Postwright-bench'), {
        endpoint: wp.WP_ENDPOINT,
        remoteBlogId: wp.WP_BLOG_ID,
        username: wp.WP_USER,
        password: wp.WP_PASSWORD,
      });
      const bare = await time(async () => {
        for (const postType of ['post', 'page'])
          for (let offset = 0; ; offset += 100) {
            const page = await client.getPosts({
              post_type: postType,
              number: 100,
              offset,
              orderby: 'modified ID',
              order: 'DESC',
            });
            if (page.length < 100) break;
          }
      });
      const rate = (ms: number) => pulled / (ms / 1000);
      return [
        row('archive: pull of the test WordPress', rate(pull), 'posts/s', {
          baseline: { name: 'the same wp.getPosts pages, bare', value: rate(bare) },
          note: `${pulled} posts and pages in ${(pull / 1000).toFixed(1)} s (written, synced, indexed); bare fetch ${(bare / 1000).toFixed(1)} s`,
        }),
      ];
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    stopWordPress(PORT);
  }
}

/**
 * A 10,000-post pull from a Micropub server on 127.0.0.1 that answers at once (q=source, 100 a
 * page), against the same pages fetched and parsed bare: what the archive's own work costs.
 */
async function localPullRows(): Promise<BenchRow[]> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-bench-pull-'));
  try {
    const { blog, blogId } = await heldBlog(LOCAL_POSTS, {
      dataDir,
      cleanups,
      body: (i) => `<p>Links of week ${i}: ${'Brighton and Hove council meeting. '.repeat(20)}</p>`,
    });
    const core = createTestCore(dataDir);
    let pulled = 0;
    const pull = await time(async () => {
      pulled = (await coreCaller(core)('archive-pull', { blogId })).seen;
    });
    await core.dispose();
    const bare = await time(async () => {
      for (let after: string | undefined = ''; after !== undefined;) {
        const answer: Response = await fetch(
          `${blog.url}micropub?q=source&limit=100${after ? `&after=${after}` : ''}`,
        );
        after = ((await answer.json()) as { paging: { after?: string } }).paging.after;
      }
    });
    const rate = (ms: number) => pulled / (ms / 1000);
    return [
      row(
        `archive: pull of ${LOCAL_POSTS.toLocaleString('en')} posts (Micropub on 127.0.0.1)`,
        rate(pull),
        'posts/s',
        {
          baseline: { name: 'the same q=source pages, bare', value: rate(bare) },
          note: `${pulled} posts in ${(pull / 1000).toFixed(1)} s (written, synced, indexed); bare fetch ${(bare / 1000).toFixed(1)} s`,
        },
      ),
    ];
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Search as you type over `size` documents, half drafts and half archived posts, through
 * archive-search (both), against the drafts-only search over the drafts half in the same folder.
 */
async function searchRows(size: number): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-bench-search-'));
  try {
    const half = size / 2;
    const { ids } = generateDrafts(dataDir, half);
    const index = new IndexDb(join(dataDir, 'drafts', 'index.sqlite'), 'published');
    index.transaction(() => {
      for (const id of ids) {
        const draft = JSON.parse(readFileSync(join(dataDir, 'drafts', id, 'draft.json'), 'utf8')) as Draft;
        const post = {
          blogId: 'bench',
          postId: `archived-${id}`,
          type: 'post',
          url: null,
          title: draft.title,
          html: draft.html,
          excerpt: '',
          slug: '',
          tags: [],
          categories: [],
          status: 'publish',
          publishedAt: draft.updatedAt,
          modifiedAt: draft.updatedAt,
          media: [],
          pulledAt: draft.updatedAt,
        };
        index.put(archiveEntry(post, contentHash(post)), {
          text: searchTextOf(post.title, htmlToText(post.html)),
        });
      }
    });
    index.close();
    const core = createTestCore(dataDir);
    const call = coreCaller(core);
    const typed = ['council meeting', 'bookmarks brighton', 'festival', 'pier history 42'].flatMap((query) =>
      Array.from({ length: query.length }, (_, n) => query.slice(0, n + 1)),
    );
    // First calls open the index and check the folders: not what typing costs.
    await call('archive-search', { query: 'warm', in: 'both' });
    await call('drafts-page', { query: 'warm', offset: 0, limit: 100 });
    const both: number[] = [];
    const drafts: number[] = [];
    for (const query of typed) {
      drafts.push(await time(() => call('drafts-page', { query, offset: 0, limit: 100 })));
      both.push(await time(() => call('archive-search', { query, in: 'both', limit: 100 })));
    }
    await core.dispose();
    const label = size.toLocaleString('en');
    return [
      row(`archive: search drafts + archive of ${label}, p95`, percentile(both, 95), 'ms', {
        baseline: { name: `drafts only (${half.toLocaleString('en')}), p95`, value: percentile(drafts, 95) },
        budget: { limit: 50, of: 'value' },
        note: `${typed.length} queries, one per keystroke, first 100 rows; medians ${median(both).toFixed(1)} and ${median(drafts).toFixed(1)} ms`,
      }),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Issue 20's figures: pull throughput (WordPress, and 10,000 posts locally), search over drafts + archive at 10k and 50k. */
export const archiveBench: BenchSuite = async () => {
  const rows: BenchRow[] = [];
  for (const size of [10_000, 50_000]) rows.push(...(await searchRows(size)));
  rows.push(...(await localPullRows()));
  rows.push(...(await pullRows()));
  return rows;
};
