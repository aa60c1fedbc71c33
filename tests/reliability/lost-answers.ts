import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../main/core/create-core';
import { runCliAsync } from '../support/cli';
import { coreCaller } from '../support/core-call';
import { startMicropubSite } from '../support/micropub-server/micropub-site';
import { createTestPublishing } from '../support/publishing';
import { createTestCore } from '../support/test-core';
import { startForwardingProxy } from '../support/wordpress/forwarding-proxy';
import { addPeerBlogBehindProxy } from '../support/wordpress/peer-blog';
import { wordpressRest } from '../support/wordpress/rest';
import { startWordPress, stopWordPress } from '../support/wordpress/wordpress-peer';
import type { FigureRow } from './figure';

/**
 * Figure R10: publishing with the answer lost, 100 times per protocol, against the real servers (a
 * real WordPress; the project's spec-judging Micropub site). Every create reaches the blog and its
 * answer is thrown away; the outbox must find the post before it sends again: 0 duplicates, 0 lost.
 */
const PUBLISHES = 100;
const BACKOFF = { baseMs: 20, capMs: 200, maxAttempts: 30 };

type Publishing = ReturnType<typeof createTestPublishing>;

/** Runs each job until it is done or failed (the first attempt loses its answer; retries check first). */
async function settle(publishing: Publishing, ids: string[]) {
  for (let round = 0; round < 10; round++) {
    const jobs = await publishing.outbox.list();
    const open = jobs.filter(
      (job) => ids.includes(job.id) && (job.state === 'queued' || job.state === 'sending'),
    );
    if (open.length === 0) return jobs.filter((job) => ids.includes(job.id));
    for (const job of open) await publishing.outbox.runNow(job.id);
  }
  return (await publishing.outbox.list()).filter((job) => ids.includes(job.id));
}

function rows(
  protocol: string,
  counts: Map<string, number>,
  notDone: number,
  lostAnswers: number,
): FigureRow[] {
  const duplicates = [...counts.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
  const lost = [...counts.values()].filter((count) => count === 0).length + notDone;
  return [
    {
      figure: 'R10',
      what: `${protocol}: ${PUBLISHES} publishes, ${lostAnswers} answers lost`,
      measured: `${duplicates} duplicates, ${lost} lost`,
      target: '0 duplicates, 0 lost',
      pass: duplicates === 0 && lost === 0 && lostAnswers >= PUBLISHES,
    },
  ];
}

async function metaweblog(): Promise<FigureRow[]> {
  const port = process.env.POSTWRIGHT_BENCH_WP_PORT ?? '8783';
  const wp = startWordPress(port);
  const run = randomBytes(3).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-r10-wp-'));
  let core: Core | undefined;
  const proxy = await startForwardingProxy(wp.WP_URL, (method) =>
    method === 'metaWeblog.newPost' ? { action: 'drop' } : { action: 'pass' },
  );
  try {
    core = createTestCore(dataDir);
    const blog = await addPeerBlogBehindProxy(coreCaller(core), wp, proxy.url);
    const publishing = createTestPublishing(core, dataDir, { backoff: BACKOFF });
    const titles: string[] = [];
    const ids: string[] = [];
    for (let index = 0; index < PUBLISHES; index++) {
      const title = `R10 ${run} #${index}`;
      titles.push(title);
      const draft = await core.drafts.create({ title, html: `<p>Post ${index}</p>`, blogId: blog.id });
      const job = await publishing.outbox.enqueuePublish({ draftId: draft.id, blogId: blog.id, options: {} });
      ids.push(job.id);
      await publishing.outbox.runNow(job.id);
    }
    const jobs = await settle(publishing, ids);
    await publishing.dispose();
    const rest = wordpressRest(wp);
    const counts = new Map<string, number>();
    for (const title of titles) counts.set(title, (await rest.postsTitled(title)).length);
    return rows(
      'MetaWeblog (WordPress)',
      counts,
      jobs.filter((job) => job.state !== 'done').length,
      proxy.dropped(),
    );
  } finally {
    await core?.dispose();
    await proxy.close();
    stopWordPress(port);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function micropub(): Promise<FigureRow[]> {
  const site = await startMicropubSite();
  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-r10-mp-'));
  let core: Core | undefined;
  try {
    const added = await runCliAsync(['blogs', 'add', site.url, '--token-stdin', '--json'], {
      dataDir,
      input: site.auth.issueToken(),
    });
    if (added.status !== 0) throw new Error(`adding the Micropub site failed: ${added.stderr}`);
    const blogId = added.json<{ blog: { id: string } }>().blog.id;
    core = createTestCore(dataDir);
    const publishing = createTestPublishing(core, dataDir, { backoff: BACKOFF });
    const ids: string[] = [];
    const titles: string[] = [];
    let lostAnswers = 0;
    for (let index = 0; index < PUBLISHES; index++) {
      const title = `Lost answer number ${index}`;
      titles.push(title);
      const draft = await core.drafts.create({
        title,
        html: `<p>Post ${index}</p>`,
        blogId,
        slug: `lost-${index}`,
      });
      const job = await publishing.outbox.enqueuePublish({
        draftId: draft.id,
        blogId,
        options: { micropub: { kind: 'article', format: 'json', syndicateTo: [] } },
      });
      ids.push(job.id);
      site.quirks.loseNextCreateAnswer = true;
      await publishing.outbox.runNow(job.id);
      if (!site.quirks.loseNextCreateAnswer) lostAnswers++;
    }
    const jobs = await settle(publishing, ids);
    await publishing.dispose();
    const counts = new Map<string, number>(titles.map((title) => [title, 0]));
    for (const post of site.posts.posts.values()) {
      const name = String((post.properties.name as unknown[] | undefined)?.[0] ?? '');
      if (counts.has(name)) counts.set(name, counts.get(name)! + 1);
    }
    return rows(
      'Micropub (spec-judging site)',
      counts,
      jobs.filter((job) => job.state !== 'done').length,
      lostAnswers,
    );
  } finally {
    await core?.dispose();
    await site.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function lostAnswersSuite(): Promise<FigureRow[]> {
  return [...(await micropub()), ...(await metaweblog())];
}
