import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../../main/core/create-core';
import { runCliAsync } from '../cli';
import { coreCaller } from '../core-call';
import { startMicropubSite } from '../micropub-server/micropub-site';
import { createTestPublishing } from '../publishing';
import { createTestCore } from '../test-core';
import { startForwardingProxy } from '../wordpress/forwarding-proxy';
import { addPeerBlogBehindProxy } from '../wordpress/peer-blog';
import { wordpressRest } from '../wordpress/rest';
import { startWordPress, stopWordPress } from '../wordpress/wordpress-peer';
import type { Figure } from './figure';

/**
 * Figure R10: publishing with the answer lost, 100 times per protocol, against the real servers (a
 * real WordPress; the project's spec-judging Micropub site). Every create reaches the blog and its
 * answer is thrown away; the outbox must find the post before it sends again: 0 duplicates, 0 lost.
 */
const PUBLISHES = 100;
const BACKOFF = { baseMs: 20, capMs: 200, maxAttempts: 30 };

/**
 * Publishes one draft: the first attempt loses its answer, later attempts must find the post first.
 * Each publish gets its own outbox, disposed after, so the figure measures what happens to a lost
 * answer and nothing else (the outbox's own timers are issue 13's item 5, measured as R11).
 */
async function publishOnce(
  core: Core,
  dataDir: string,
  draftId: string,
  blogId: string,
  options: Record<string, unknown>,
) {
  const publishing = createTestPublishing(core, dataDir, { backoff: BACKOFF });
  try {
    let job = await publishing.outbox.enqueuePublish({ draftId, blogId, options });
    for (let attempt = 0; attempt < 5 && (job.state === 'queued' || job.state === 'sending'); attempt++)
      job = await publishing.outbox.runNow(job.id);
    return job;
  } finally {
    await publishing.dispose();
  }
}

function rows(protocol: string, counts: Map<string, number>, notDone: number, lostAnswers: number): Figure[] {
  const duplicates = [...counts.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
  const lost = [...counts.values()].filter((count) => count === 0).length + notDone;
  return [
    {
      id: 'R10',
      what: `${protocol}: ${PUBLISHES} publishes, ${lostAnswers} answers lost`,
      value: `${duplicates} duplicates, ${lost} lost`,
      target: '0 duplicates, 0 lost',
      pass: duplicates === 0 && lost === 0 && lostAnswers >= PUBLISHES,
    },
  ];
}

async function metaweblog(): Promise<Figure[]> {
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
    const titles: string[] = [];
    let notDone = 0;
    for (let index = 0; index < PUBLISHES; index++) {
      const title = `R10 ${run} #${index}`;
      titles.push(title);
      const draft = await core.drafts.create({ title, html: `<p>Post ${index}</p>`, blogId: blog.id });
      if ((await publishOnce(core, dataDir, draft.id, blog.id, {})).state !== 'done') notDone++;
    }
    const rest = wordpressRest(wp);
    const counts = new Map<string, number>();
    for (const title of titles) counts.set(title, (await rest.postsTitled(title)).length);
    return rows('MetaWeblog (WordPress)', counts, notDone, proxy.dropped());
  } finally {
    await core?.dispose();
    await proxy.close();
    stopWordPress(port);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function micropub(): Promise<Figure[]> {
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
    const titles: string[] = [];
    let lostAnswers = 0;
    let notDone = 0;
    for (let index = 0; index < PUBLISHES; index++) {
      const title = `Lost answer number ${index}`;
      titles.push(title);
      const draft = await core.drafts.create({
        title,
        html: `<p>Post ${index}</p>`,
        blogId,
        slug: `lost-${index}`,
      });
      site.quirks.loseNextCreateAnswer = true;
      const job = await publishOnce(core, dataDir, draft.id, blogId, {
        micropub: { kind: 'article', format: 'json', syndicateTo: [] },
      });
      if (!site.quirks.loseNextCreateAnswer) lostAnswers++;
      if (job.state !== 'done') notDone++;
    }
    const counts = new Map<string, number>(titles.map((title) => [title, 0]));
    for (const post of site.posts.posts.values()) {
      const name = String((post.properties.name as unknown[] | undefined)?.[0] ?? '');
      if (counts.has(name)) counts.set(name, counts.get(name)! + 1);
    }
    return rows('Micropub (spec-judging site)', counts, notDone, lostAnswers);
  } finally {
    await core?.dispose();
    await site.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function lostAnswersSuite(): Promise<Figure[]> {
  return [...(await micropub()), ...(await metaweblog())];
}
