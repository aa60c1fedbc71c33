import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Timers } from '../../main/core/outbox/outbox';
import type { OutboxJob } from '../../shared/model/publish';
import { addTestBlog, createTestPublishing } from '../support/publishing';
import { startFakeBlog, type FakeBlog } from '../support/reliability/fake-blog';
import { useTempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

const tempDir = useTempDir('postwright-outbox-vanished-');
let blog: FakeBlog;

beforeAll(async () => {
  blog = await startFakeBlog();
});
afterAll(() => blog.close());

/** Timers the test fires by hand; `nextTimer` resolves when the outbox sets its next one. */
function handFiredTimers() {
  const live = new Map<number, () => void>();
  let nextId = 1;
  let timerSet = () => {};
  const timers: Timers = {
    setTimeout(run) {
      const id = nextId++;
      live.set(id, () => {
        live.delete(id);
        run();
      });
      timerSet();
      return id;
    },
    clearTimeout: (id) => live.delete(id as number),
  };
  const nextTimer = () => new Promise<void>((resolve) => (timerSet = resolve));
  return { timers, live, nextTimer };
}

// Another process (a CLI `outbox cancel`, a sync tool) may remove a job between the timer's listing
// of the due jobs and their attempt. The app must go on: an unhandled rejection ends a Node process.
it('a due job removed from the folder while the timer runs is passed over, and the app goes on', async () => {
  const dataDir = tempDir();
  const core = createTestCore(dataDir);
  const added = await addTestBlog(dataDir, {
    name: 'Busy blog',
    homeUrl: blog.homeUrl,
    endpoint: blog.endpoint,
  });
  blog.failNext(1_000, 0);
  const backoff = { baseMs: 60_000, capMs: 60_000, maxAttempts: 5 };
  const queuing = createTestPublishing(core, dataDir, { backoff });
  const jobs: OutboxJob[] = [];
  for (const title of ['First', 'Second']) {
    const draft = await core.drafts.create({ title });
    jobs.push(await queuing.outbox.enqueuePublish({ draftId: draft.id, blogId: added.id, options: {} }));
  }
  await queuing.dispose();

  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const { timers, live, nextTimer } = handFiredTimers();
    const publishing = createTestPublishing(core, dataDir, { backoff, timers });
    core.events.onAny((event, payload) => {
      const job = payload as OutboxJob;
      if (event === 'outbox-changed' && job.id === jobs[0]!.id && job.state === 'sending')
        rmSync(join(dataDir, 'outbox', `${jobs[1]!.id}.json`), { force: true });
    });
    await publishing.outbox.resume();
    const [fire] = [...live.values()];
    const passOver = nextTimer();
    fire!();
    // The pass is over when the outbox sets its next timer (the first job waits for its retry); a
    // rejection it left unhandled is reported once the tasks queued now have run.
    await passOver;
    await new Promise((resolve) => setImmediate(resolve));

    expect(unhandled).toEqual([]);
    const left = await publishing.outbox.list();
    expect(left.map((job) => [job.title, job.state])).toEqual([['First', 'queued']]);
    expect(live.size).toBe(1);
    await publishing.dispose();
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await core.dispose();
  }
});
