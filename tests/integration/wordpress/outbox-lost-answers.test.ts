import { randomBytes } from 'node:crypto';
import { expect, inject, it } from 'vitest';
import { coreCaller } from '../../support/core-call';
import { createTestPublishing } from '../../support/publishing';
import { watchOutbox } from '../../support/outbox-watch';
import { seededRandom } from '../../support/seeded-random';
import { useCoreForFile } from '../../support/wordpress/core-for-file';
import { addPeerBlogBehindProxy } from '../../support/wordpress/peer-blog';
import { wordpressRest } from '../../support/wordpress/rest';

const wp = inject('wordpress');
const rest = wordpressRest(wp);
const run = randomBytes(3).toString('hex');
const PUBLISHES = 50;

const random = seededRandom(Number.parseInt(run, 16));
const shared = useCoreForFile('postwright-lost-', {
  target: wp.WP_URL,
  // Half of the answers to newPost are lost after WordPress made the post, and a fifth of all others.
  decide: (method) =>
    random() < (method === 'metaWeblog.newPost' ? 0.5 : 0.2) ? { action: 'drop' } : { action: 'pass' },
});

it(`${PUBLISHES} publishes through a proxy that loses answers: no duplicate, none lost`, async () => {
  const { core, dataDir, proxy } = shared;
  const call = coreCaller(core);
  const blog = await addPeerBlogBehindProxy(call, wp, proxy.url);
  const publishing = createTestPublishing(core, dataDir, {
    backoff: { baseMs: 20, capMs: 200, maxAttempts: 30 },
  });
  const watching = watchOutbox(core.events);
  const titles: string[] = [];
  const jobIds: string[] = [];
  for (let index = 0; index < PUBLISHES; index++) {
    const title = `Lost answer ${run} #${index}`;
    titles.push(title);
    const draft = await core.drafts.create({ title, html: `<p>Post ${index}</p>`, blogId: blog.id });
    const job = await publishing.outbox.enqueuePublish({ draftId: draft.id, blogId: blog.id, options: {} });
    jobIds.push(job.id);
    await publishing.outbox.runNow(job.id);
  }
  // The outbox's own timer retries with backoff; its events say when every job has settled.
  await watching.settled(jobIds, 110_000);
  watching.stop();
  const jobs = (await publishing.outbox.list()).filter((job) => jobIds.includes(job.id));
  await publishing.dispose();
  expect(proxy.dropped()).toBeGreaterThan(10);
  expect(
    jobs.filter((job) => job.state !== 'done').map((job) => `${job.title}: ${job.state} ${job.reason}`),
  ).toEqual([]);
  // Lost answers were really retried (after checking the blog), not just passed through.
  expect(jobs.filter((job) => job.attempts > 1).length).toBeGreaterThan(5);

  const onBlog = new Map<string, number>();
  for (const title of titles) onBlog.set(title, (await rest.postsTitled(title)).length);
  expect([...onBlog.entries()].filter(([, count]) => count !== 1)).toEqual([]);
  for (const job of jobs) {
    const stored = await rest.post(job.result!.postId);
    expect(stored.title.raw).toBe(job.title);
  }
}, 180_000);
