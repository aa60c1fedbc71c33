import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeLockPath, withStoreLock } from '../../main/core/fs/store-lock';
import { OutboxJournal } from '../../main/core/outbox/journal';
import { silentLogger } from '../../main/core/platform/logger';
import type { Outbox, Timers } from '../../main/core/outbox/outbox';
import type { Core } from '../../main/core/create-core';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../shared/net/retry-after';
import type { OutboxJob } from '../../shared/model/publish';
import { ManualClock } from '../support/drafts';
import { addTestBlog, createTestPublishing } from '../support/publishing';
import { startFakeBlog, type FakeBlog } from '../support/reliability/fake-blog';
import { figure, printFigure } from '../support/reliability/figure';
import { useTempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

const tempDir = useTempDir('postwright-outbox-restarts-');
let blog: FakeBlog;

beforeAll(async () => {
  blog = await startFakeBlog();
});
afterAll(() => blog.close());

/**
 * Timers the test fires by hand on its clock, counting how many are alive at once; `nextTimer`
 * resolves when the outbox sets its next one.
 */
function manualTimers(clock: ManualClock) {
  const live = new Map<number, { run: () => void; at: number }>();
  let nextId = 1;
  let mostAlive = 0;
  let timerSet = () => {};
  const timers: Timers = {
    setTimeout(run, ms) {
      const id = nextId++;
      const fire = () => {
        live.delete(id);
        run();
      };
      live.set(id, { run: fire, at: clock.now().getTime() + ms });
      mostAlive = Math.max(mostAlive, live.size);
      timerSet();
      return id;
    },
    clearTimeout: (id) => live.delete(id as number),
  };
  return {
    timers,
    live,
    mostAlive: () => mostAlive,
    nextTimer: () => new Promise<void>((resolve) => (timerSet = resolve)),
  };
}

/**
 * A timer's run is over when the outbox sets its next timer, or when a change leaves no job waiting
 * and none being sent (then no timer is set).
 */
function runOver(core: Core, outbox: Outbox, timerSet: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      stop();
      resolve();
    };
    const stop = core.events.onAny((event) => {
      if (event !== 'outbox-changed') return;
      void outbox.list().then((jobs) => {
        if (jobs.every((job) => job.state !== 'queued' && job.state !== 'sending')) finish();
      });
    });
    void timerSet.then(finish);
  });
}

describe('the outbox across restarts (R11)', () => {
  it('20 failing jobs over 50 restarts: one timer, order kept, Retry-After honoured, attempts capped, state visible', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(Date.parse('2026-03-01T09:00:00Z'));
    const core = createTestCore(dataDir, clock);
    const added = await addTestBlog(
      dataDir,
      { name: 'Busy blog', homeUrl: blog.homeUrl, endpoint: blog.endpoint },
      clock,
    );
    const backoff = { baseMs: 1_000, capMs: 8_000, maxAttempts: 4 };
    blog.failNext(1_000_000, 120);

    const first = createTestPublishing(core, dataDir, { backoff, clock });
    const queued: OutboxJob[] = [];
    for (let i = 0; i < 20; i += 1) {
      const draft = await core.drafts.create({ title: `Job ${String(i).padStart(2, '0')}` });
      queued.push(await first.outbox.enqueuePublish({ draftId: draft.id, blogId: added.id, options: {} }));
      clock.advance(1_000);
    }
    await first.dispose();

    const attemptsAt = new Map<string, number[]>();
    const order: string[] = [];
    const earliest = new Map<string, number>();
    let retryAfterBroken = 0;
    let mostTimers = 0;
    core.events.onAny((event, payload) => {
      if (event !== 'outbox-changed') return;
      const job = payload as OutboxJob;
      if (job.state === 'sending') {
        const now = clock.now().getTime();
        if (now < (earliest.get(job.id) ?? 0)) retryAfterBroken += 1;
        attemptsAt.set(job.id, [...(attemptsAt.get(job.id) ?? []), now]);
        order.push(job.id);
      } else if (job.state === 'queued' && job.nextAttemptAt) {
        earliest.set(job.id, Date.parse(job.nextAttemptAt));
      }
    });

    for (let restart = 0; restart < 50; restart += 1) {
      const { timers, live, mostAlive, nextTimer } = manualTimers(clock);
      const publishing = createTestPublishing(core, dataDir, { backoff, clock, timers });
      await publishing.outbox.resume();
      const [timer] = [...live.values()];
      if (timer) {
        clock.advance(Math.max(0, timer.at - clock.now().getTime()));
        const over = runOver(core, publishing.outbox, nextTimer());
        timer.run();
        await over;
      }
      await publishing.dispose();
      mostTimers = Math.max(mostTimers, mostAlive());
      clock.advance(30_000);
    }

    const jobs = await createTestPublishing(core, dataDir, { backoff, clock }).outbox.list();
    const mostAttempts = Math.max(...jobs.map((job) => job.attempts));
    // Jobs became due in the order they were queued, and were tried in that order every round.
    const firstTries = [...new Set(order)];
    const orderKept = firstTries.join() === queued.map((job) => job.id).join();
    const visible = jobs.every(
      (job) => job.state === 'failed' && /Gave up after 4 attempts/.test(job.reason ?? ''),
    );
    const figures = [
      figure(
        'R11',
        '50 restarts, 20 failing jobs: timers alive at once',
        String(mostTimers),
        '1',
        mostTimers <= 1,
      ),
      figure(
        'R11',
        'attempts before Retry-After (120 s)',
        String(retryAfterBroken),
        '0',
        retryAfterBroken === 0,
      ),
      figure(
        'R11',
        'most attempts of a job',
        String(mostAttempts),
        `≤ ${backoff.maxAttempts}`,
        mostAttempts <= backoff.maxAttempts,
      ),
      figure('R11', 'order kept', orderKept ? 'yes' : 'no', 'yes', orderKept),
      figure('R11', 'state visible (failed, with the reason)', visible ? 'yes' : 'no', 'yes', visible),
    ];
    for (const entry of figures) printFigure(entry);
    expect(figures.filter((entry) => !entry.pass)).toEqual([]);
    // Between tries a job says when the next one is; once the blog answers, each goes out once.
    blog.failNext(0);
    const last = createTestPublishing(core, dataDir, { backoff, clock });
    const sent = await last.outbox.retry();
    expect(sent.every((job) => job.state === 'done')).toBe(true);
    for (let i = 0; i < 20; i += 1) expect(blog.created.get(`Job ${String(i).padStart(2, '0')}`)).toBe(1);
    await last.dispose();
    await core.dispose();
  }, 300_000);

  it('reads Retry-After one way for every protocol: seconds or a date, capped at an hour', () => {
    const now = Date.parse('2026-03-01T09:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:02:00 GMT', now)).toBe(120_000);
    expect(parseRetryAfter('999999', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Sat, 28 Feb 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('sets a job file aside only when it is still unreadable on a second read, after its writer', async () => {
    const dataDir = tempDir();
    const journal = new OutboxJournal(dataDir, silentLogger);
    const job = { id: 'job-1', state: 'queued', createdAt: '2026-03-01T09:00:00Z' } as OutboxJob;
    await journal.create(job);
    const path = join(dataDir, 'outbox', 'job-1.json');
    const asides = () => readdirSync(join(dataDir, 'outbox')).filter((name) => name.includes('unreadable'));

    // A writer holds the job's lock while a reader meets the file broken; the writer then finishes.
    let finish!: () => void;
    const writer = withStoreLock(
      storeLockPath(dataDir, 'outbox-job-1'),
      () => new Promise<void>((resolve) => (finish = resolve)),
    );
    writeFileSync(path, '{"id": "job-');
    const reading = journal.get('job-1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    writeFileSync(path, JSON.stringify(job));
    finish();
    await writer;
    expect(await reading).toEqual(job);
    expect(asides()).toEqual([]);

    // Still broken once the writer is done: set aside, never deleted.
    writeFileSync(path, '{"id": "job-');
    expect(await journal.get('job-1')).toBeNull();
    expect(asides()).toHaveLength(1);
  });
});
