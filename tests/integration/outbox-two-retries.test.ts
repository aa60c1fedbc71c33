import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxJob } from '../../shared/model/publish';
import { runCliAsync, type CliResult } from '../support/cli';
import { addTestBlog, createTestPublishing } from '../support/publishing';
import { startFakeBlog, type FakeBlog } from '../support/reliability/fake-blog';
import { useTempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

// Issue 12 item 5 (R14): two `postwright outbox retry` at once over the same queued jobs, as two
// real processes against a blog on 127.0.0.1. Each job goes out once, by one of them; the other
// leaves it alone and says where it stands; both finish well within the harness's time limit.
const JOBS = 50;
const tempDir = useTempDir('postwright-two-retries-');
let blog: FakeBlog;

beforeAll(async () => {
  blog = await startFakeBlog();
});
afterAll(() => blog.close());

/** A data folder with JOBS publishes journaled and not yet tried, titled `<tag> NN`. */
async function queuedJobs(tag: string): Promise<{ dataDir: string; titles: string[] }> {
  const dataDir = tempDir();
  const core = createTestCore(dataDir);
  const added = await addTestBlog(dataDir, { name: 'Fake', homeUrl: blog.homeUrl, endpoint: blog.endpoint });
  const publishing = createTestPublishing(core, dataDir, {});
  const titles: string[] = [];
  for (let i = 0; i < JOBS; i += 1) {
    const title = `${tag} ${String(i).padStart(2, '0')}`;
    const draft = await core.drafts.create({ title });
    await publishing.outbox.enqueuePublish({ draftId: draft.id, blogId: added.id, options: {} });
    titles.push(title);
  }
  await publishing.dispose();
  await core.dispose();
  return { dataDir, titles };
}

function twoRetries(dataDir: string): Promise<CliResult[]> {
  return Promise.all([0, 1].map(() => runCliAsync(['outbox', 'retry', '--json'], { dataDir })));
}

async function outboxOf(dataDir: string): Promise<OutboxJob[]> {
  const listed = await runCliAsync(['outbox', 'list', '--json'], { dataDir });
  expect(listed.status, listed.stderr).toBe(0);
  return listed.json<OutboxJob[]>();
}

const newPosts = () => blog.calls.filter((method) => method === 'metaWeblog.newPost').length;

describe('two outbox retries at once (issue 12 item 5, R14)', () => {
  it(`${JOBS} queued jobs: each is sent once, by one process; the other reports it as that one left it`, async () => {
    const { dataDir, titles } = await queuedJobs(`both ${Date.now()}`);
    const postsBefore = newPosts();

    const retries = await twoRetries(dataDir);

    for (const retry of retries) expect(retry.status, `${retry.stderr}${retry.stdout}`).toBe(0);
    expect(newPosts() - postsBefore).toBe(JOBS);
    for (const title of titles) expect(blog.created.get(title), title).toBe(1);
    const jobs = await outboxOf(dataDir);
    expect(jobs).toHaveLength(JOBS);
    for (const job of jobs) expect([job.title, job.state, job.attempts]).toEqual([job.title, 'done', 1]);
    // Each command answers every job it found waiting: as it sent it, or as the other process left
    // it (being sent, or already out); a job already out before a command looked is not listed
    // by it. Never failed or waiting, never missing from both.
    const answered = retries.flatMap((retry) => retry.json<OutboxJob[]>());
    expect(answered.filter((job) => job.state !== 'done' && job.state !== 'sending')).toEqual([]);
    expect(new Set(answered.filter((job) => job.state === 'done').map((job) => job.title))).toEqual(
      new Set(titles),
    );
  }, 300_000);

  it('a job the other process just tried and that failed is not tried again by this one', async () => {
    const { dataDir, titles } = await queuedJobs(`failing ${Date.now()}`);
    const callsBefore = blog.calls.length;
    blog.failNext(1_000_000);
    try {
      const retries = await twoRetries(dataDir);
      for (const retry of retries) expect(retry.status, `${retry.stderr}${retry.stdout}`).toBe(0);
    } finally {
      blog.failNext(0);
    }

    // One attempt per job in all: the one who tried it first; it waits for its next turn.
    expect(blog.calls.length - callsBefore).toBe(JOBS);
    const jobs = await outboxOf(dataDir);
    expect(jobs.map((job) => job.title).sort()).toEqual([...titles].sort());
    for (const job of jobs) expect([job.title, job.state, job.attempts]).toEqual([job.title, 'queued', 1]);
  }, 300_000);

  it('a retry asked before the other process tried a job leaves it, even when it lists the outbox after that try', async () => {
    // The order two commands typed at once can take: B is asked first, A tries and fails the job,
    // and only then does B list the outbox (its process was slower to start).
    const { dataDir } = await queuedJobs(`late ${Date.now()}`);
    const core = createTestCore(dataDir);
    const a = createTestPublishing(core, dataDir, {});
    const b = createTestPublishing(core, dataDir, {});
    blog.failNext(1_000_000);
    try {
      const bAsked = Date.now();
      const [first] = await a.outbox.list();
      await a.outbox.retry(first!.id);
      const callsBefore = blog.calls.length;

      const answered = await b.outbox.retry(undefined, false, bAsked);

      expect(blog.calls.length - callsBefore).toBe(JOBS - 1);
      const again = answered.find((job) => job.id === first!.id);
      expect([again?.state, again?.attempts]).toEqual(['queued', 1]);
    } finally {
      blog.failNext(0);
      await a.dispose();
      await b.dispose();
      await core.dispose();
    }
  }, 300_000);
});
