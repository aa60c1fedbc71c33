import { randomUUID } from 'node:crypto';
import { CoreFailure } from '../../../shared/contract/errors';
import type { Blog } from '../../../shared/model/blog';
import type { OutboxJob } from '../../../shared/model/publish';
import type { BlogStore } from '../blogs/blog-store';
import type { DraftStore } from '../drafts/draft-store';
import type { EventBus } from '../events/event-bus';
import type { JobHandle, JobTracker } from '../jobs/job-tracker';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { OutboxJournal } from './journal';
import { asPublishError, type PublishError } from './publish-error';
import { performJob, type PerformDeps } from './perform-job';
import type { Publisher, Publishers } from './publisher';

export interface OutboxDeps {
  journal: OutboxJournal;
  drafts: DraftStore;
  blogs: Pick<BlogStore, 'get'>;
  publishers: Publishers;
  events: EventBus;
  jobs: JobTracker;
  clock: Clock;
  logger: Logger;
  backoff?: BackoffPolicy;
  /** The outbox's one timer; tests pass their own to count it and fire it. */
  timers?: Timers;
}

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const SYSTEM_TIMERS: Timers = {
  setTimeout: (run, ms) => {
    const timer = setTimeout(run, ms);
    timer.unref?.();
    return timer;
  },
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

/** How long finished jobs stay listed. */
const KEEP_DONE_MS = 30 * 24 * 3600_000;

/** A job as a pass listed it: its attempts then, and the moment from which others' attempts count. */
interface ListedJob {
  attempts: number;
  since: number;
}

/** Whether the job's last attempt started at or after `since` (ms). */
function triedSince(job: OutboxJob, since: number): boolean {
  return job.attemptedAt ? Date.parse(job.attemptedAt) >= since : false;
}

function newJob(
  now: string,
  fields: Pick<
    OutboxJob,
    'action' | 'blogId' | 'blogName' | 'draftId' | 'postId' | 'title' | 'options' | 'uploads'
  >,
): OutboxJob {
  return {
    id: randomUUID(),
    ...fields,
    state: 'queued',
    reason: null,
    attempts: 0,
    nextAttemptAt: null,
    ambiguous: false,
    result: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The outbox, the same for every protocol: each publish is journaled before anything is sent,
 * attempts run one at a time, transient failures come back with backoff, offline jobs wait for the
 * network, and after an ambiguous failure the blog is asked whether it already has the post before
 * anything is sent again. A lost answer never makes a duplicate; a crash never loses a job.
 */
export class Outbox {
  private chain: Promise<unknown> = Promise.resolve();
  private timer: unknown;
  /** Goes up with every schedule(), so only the latest decides the timer. */
  private scheduling = 0;
  /** Passes over the jobs going on (see pass()). */
  private passes = 0;
  private disposed = false;
  private readonly backoff: BackoffPolicy;
  private readonly timers: Timers;

  private readonly performDeps: PerformDeps;

  constructor(private readonly deps: OutboxDeps) {
    this.backoff = deps.backoff ?? DEFAULT_BACKOFF;
    this.timers = deps.timers ?? SYSTEM_TIMERS;
    this.performDeps = {
      blogs: deps.blogs,
      drafts: deps.drafts,
      publisherFor: (blog) => this.publisherFor(blog),
      // Only this process sends the job (it holds the claim): it records what it learnt so far.
      save: async (job) =>
        (await this.update(job.id, (latest) => ({ ...latest, uploads: job.uploads, postId: job.postId })))!,
    };
  }

  async list(): Promise<OutboxJob[]> {
    const jobs = await this.deps.journal.list();
    const now = this.deps.clock.now().getTime();
    const kept: OutboxJob[] = [];
    for (const job of jobs) {
      if (
        (job.state === 'done' || job.state === 'cancelled') &&
        now - Date.parse(job.updatedAt) > KEEP_DONE_MS
      )
        await this.deps.journal.remove(job.id);
      else kept.push(job);
    }
    return kept.reverse();
  }

  publisherFor(blog: Blog): Publisher {
    const publisher = this.deps.publishers[blog.protocol];
    if (!publisher)
      throw new CoreFailure(
        'invalid-args',
        `Publishing over ${blog.protocol} is not available in this version of Postwright.`,
      );
    return publisher;
  }

  /** Journals a publish of the draft. An unfinished publish of the same draft is reused, keeping what it knows. */
  async enqueuePublish(args: {
    draftId: string;
    blogId: string;
    options: OutboxJob['options'];
  }): Promise<OutboxJob> {
    const [draft, blog] = await Promise.all([
      this.deps.drafts.get(args.draftId),
      this.deps.blogs.get(args.blogId),
    ]);
    this.publisherFor(blog);
    const now = this.deps.clock.now().toISOString();
    const earlier = (await this.deps.journal.list()).filter(
      (job) => job.action === 'publish' && job.draftId === draft.id && job.blogId === blog.id,
    );
    const open = earlier.find((job) => job.state !== 'done');
    // Images the last publish uploaded are not uploaded again by the next one (an update).
    const uploaded = earlier.filter((job) => job.state === 'done').at(-1)?.uploads ?? {};
    if (open && (await this.deps.journal.lockIsLive(open.id))) {
      throw new CoreFailure(
        'conflict',
        `"${draft.title || 'This draft'}" is being sent to ${blog.name} right now. Wait for it to finish.`,
      );
    }
    const job = open
      ? await this.update(open.id, (latest) => ({
          ...latest,
          title: draft.title,
          options: args.options,
          state: 'queued',
          reason: null,
          attempts: 0,
          nextAttemptAt: null,
        }))
      : await this.create(
          newJob(now, {
            action: 'publish',
            blogId: blog.id,
            blogName: blog.name,
            draftId: draft.id,
            postId: draft.remote?.blogId === blog.id ? draft.remote.postId : null,
            title: draft.title,
            options: args.options,
            uploads: uploaded,
          }),
        );
    if (!job) throw new CoreFailure('not-found', 'That outbox entry no longer exists.');
    await this.deps.drafts.setStatus(draft.id, 'queued', null);
    return job;
  }

  async enqueueDelete(args: {
    blogId: string;
    postId: string;
    draftId: string | null;
    title: string;
  }): Promise<OutboxJob> {
    const blog = await this.deps.blogs.get(args.blogId);
    this.publisherFor(blog);
    const job = newJob(this.deps.clock.now().toISOString(), {
      action: 'delete',
      blogId: blog.id,
      blogName: blog.name,
      draftId: args.draftId,
      postId: args.postId,
      title: args.title,
      options: {},
      uploads: {},
    });
    return this.create(job);
  }

  /** Runs one attempt of the job now (after any attempt already running) and answers with the job after it. */
  async runNow(id: string): Promise<OutboxJob> {
    try {
      return await this.queueAttempt(id);
    } finally {
      await this.schedule();
    }
  }

  /**
   * Sends again now: one job, or every failed and waiting one (`onlyWaiting`: not the failed ones).
   * A job another process sends meanwhile (a second `outbox retry`, the open app) is left to it and
   * answered as that process left it: each job goes out once, by one process. So is a job anyone
   * tried at or after `since` (ms; default now): a second command started at the same moment may
   * list the outbox only after the first has already tried and failed a job.
   */
  async retry(
    id?: string,
    onlyWaiting = false,
    since = this.deps.clock.now().getTime(),
  ): Promise<OutboxJob[]> {
    const jobs = id ? [await this.mustGet(id)] : await this.deps.journal.list();
    const chosen = jobs.filter(
      (job) => job.state === 'queued' || job.state === 'sending' || (!onlyWaiting && job.state === 'failed'),
    );
    if (id && chosen.length === 0)
      throw new CoreFailure(
        'conflict',
        jobs[0]?.state === 'cancelled'
          ? 'That publish was cancelled; publish the draft again to send it.'
          : 'That publish has already gone out; there is nothing to retry.',
      );
    return this.pass(async () => {
      const results: OutboxJob[] = [];
      for (const job of chosen) {
        // Decided on the job as it is now: another process may have sent or reset it meanwhile.
        const current =
          job.state === 'failed'
            ? await this.update(job.id, (latest) =>
                latest.state === 'failed' && !triedSince(latest, since)
                  ? { ...latest, state: 'queued', reason: null, attempts: 0, nextAttemptAt: null }
                  : latest,
              )
            : job;
        results.push(current ? await this.queueAttempt(job.id, { attempts: current.attempts, since }) : job);
      }
      return results;
    });
  }

  /** Takes back a job that has not gone out; see `outbox-cancel` in the contract. */
  async cancel(id: string): Promise<OutboxJob> {
    const job = await this.mustGet(id);
    if (job.state === 'cancelled') return job;
    const what = `"${job.title || 'Untitled'}"`;
    if (job.state === 'done')
      throw new CoreFailure('conflict', `${what} has already gone out to ${job.blogName}.`);
    if (!(await this.deps.journal.claim(id)))
      throw new CoreFailure(
        'conflict',
        `${what} is being sent to ${job.blogName} right now; it can no longer be cancelled.`,
      );
    try {
      const stored = await this.mustGet(id);
      if (stored.ambiguous)
        throw new CoreFailure(
          'conflict',
          `${what} may already have reached ${stored.blogName} (an earlier attempt got no answer), so it cannot be cancelled; retry it to find out.`,
        );
      if (stored.state !== 'queued' && stored.state !== 'failed') return stored;
      const cancelled = await this.update(id, (latest) =>
        latest.state === 'queued' || latest.state === 'failed'
          ? { ...latest, state: 'cancelled', reason: 'Cancelled before it was sent.', nextAttemptAt: null }
          : latest,
      );
      if (!cancelled || cancelled.state !== 'cancelled') return cancelled ?? stored;
      if (cancelled.draftId && cancelled.action === 'publish') {
        const draft = await this.deps.drafts.get(cancelled.draftId).catch(() => null);
        if (draft) await this.deps.drafts.setStatus(draft.id, draft.remote ? 'published' : 'draft', null);
      }
      return cancelled;
    } finally {
      await this.deps.journal.release(id);
      await this.schedule();
    }
  }

  /** Picks up what a previous run left: queued jobs, and jobs a crash interrupted while sending. */
  async resume(): Promise<void> {
    const jobs = await this.deps.journal.list();
    for (const job of jobs)
      if (job.state === 'sending' && !(await this.deps.journal.lockIsLive(job.id))) void this.runNow(job.id);
    await this.schedule();
  }

  /** Another process changed the job: tell the UI. */
  async changedElsewhere(id: string): Promise<void> {
    const job = await this.deps.journal.get(id);
    if (job) this.deps.events.emit('outbox-changed', job);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.clearTimer();
    await this.chain;
  }

  private async mustGet(id: string): Promise<OutboxJob> {
    const job = await this.deps.journal.get(id);
    if (!job) throw new CoreFailure('not-found', 'That outbox entry no longer exists.');
    return job;
  }

  private create(job: OutboxJob): Promise<OutboxJob> {
    return this.deps.journal.create(job).then((created) => {
      if (created === job) this.deps.events.emit('outbox-changed', created);
      return created;
    });
  }

  /**
   * Changes the job as it is on disk now (under its lock, see OutboxJournal) and tells the UI;
   * null when it no longer exists. `edit` returning `latest` itself leaves it unchanged.
   */
  private async update(id: string, edit: (latest: OutboxJob) => OutboxJob): Promise<OutboxJob | null> {
    let changed = false;
    const saved = await this.deps.journal.change(id, (latest) => {
      if (!latest) return null;
      const next = edit(latest);
      if (next === latest) return latest;
      changed = true;
      return { ...next, updatedAt: this.deps.clock.now().toISOString() };
    });
    if (saved && changed) this.deps.events.emit('outbox-changed', saved);
    return saved;
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * One timer, for the earliest waiting job; the timer is also the "is the network back?" probe.
   * Only the latest call sets it, replacing the one before, so calls that overlap never add timers.
   */
  private async schedule(): Promise<void> {
    if (this.disposed) return;
    const ticket = ++this.scheduling;
    const waiting = (await this.deps.journal.list()).filter((job) => job.state === 'queued');
    if (this.disposed || ticket !== this.scheduling) return;
    this.clearTimer();
    if (waiting.length === 0) return;
    const next = Math.min(...waiting.map((job) => (job.nextAttemptAt ? Date.parse(job.nextAttemptAt) : 0)));
    const delay = Math.max(0, next - this.deps.clock.now().getTime());
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = undefined;
        // Nothing awaits the timer: a failure here must be logged, never left as an unhandled rejection.
        this.runDue().catch((error: unknown) =>
          this.deps.logger.error('outbox timer run failed', { error: String(error) }),
        );
      },
      Math.min(delay, 2 ** 31 - 1),
    );
  }

  /** The timer's pass over the jobs that are due; none while another pass (a retry) is going on. */
  private async runDue(): Promise<void> {
    if (this.passes > 0) return;
    await this.pass(async () => {
      const now = this.deps.clock.now().getTime();
      const due = (await this.deps.journal.list()).filter(
        (job) => job.state === 'queued' && (!job.nextAttemptAt || Date.parse(job.nextAttemptAt) <= now),
      );
      for (const job of due) {
        if (this.disposed) break;
        // Another process may remove a listed job before its turn (a CLI cancel, a sync tool).
        await this.queueAttempt(job.id, { attempts: job.attempts, since: now }).catch((error: unknown) => {
          if (!(error instanceof CoreFailure && error.code === 'not-found')) throw error;
        });
      }
    });
  }

  /**
   * A run of attempts (a retry, the timer's due jobs): the timer waits until it is over and is set
   * once at its end, so attempts never arm timers that start more passes over the same jobs.
   */
  private async pass<T>(work: () => Promise<T>): Promise<T> {
    this.passes += 1;
    try {
      return await work();
    } finally {
      this.passes -= 1;
      await this.schedule();
    }
  }

  /** One attempt, after any attempt already running in this process; the job as it is after it. */
  private queueAttempt(id: string, listed?: ListedJob): Promise<OutboxJob> {
    const run = this.chain.then(() => this.attempt(id, listed));
    this.chain = run.catch(() => undefined);
    return run.then(async (job) => job ?? (await this.mustGet(id)));
  }

  /**
   * Claims the job and sends it. With `listed` (a pass that listed the job), a job whose attempts
   * changed since it was listed, or that was tried at or after the pass's `since`, was tried by
   * another process meanwhile: it is left as that process left it, not tried again. Only a job
   * waiting (or one a crash left "sending") is sent: never a job done or cancelled meanwhile.
   */
  private async attempt(id: string, listed?: ListedJob): Promise<OutboxJob | null> {
    if (this.disposed) return null;
    if (!(await this.deps.journal.claim(id))) {
      // Another live process holds the claim: it is sending the job, though its file may not say so yet.
      const held = await this.deps.journal.get(id);
      return held?.state === 'queued' ? { ...held, state: 'sending' } : held;
    }
    try {
      let sending = false;
      // A job found "sending" was interrupted mid-request by a crash: the blog may have it already.
      const job = await this.update(id, (stored) => {
        const waiting = stored.state === 'queued' || stored.state === 'sending';
        if (!waiting || (listed && (stored.attempts !== listed.attempts || triedSince(stored, listed.since))))
          return stored;
        sending = true;
        return {
          ...stored,
          state: 'sending',
          ambiguous: stored.ambiguous || stored.state === 'sending',
          attempts: stored.attempts + 1,
          attemptedAt: this.deps.clock.now().toISOString(),
          nextAttemptAt: null,
        };
      });
      if (!job || !sending) return job;
      const handle = this.deps.jobs.start(
        job.action === 'delete' ? `Deleting "${job.title}"` : `Publishing "${job.title || 'Untitled'}"`,
      );
      try {
        return await this.succeed(job, await performJob(this.performDeps, job, handle), handle);
      } catch (error) {
        return await this.fail(job, asPublishError(error), handle);
      }
    } finally {
      await this.deps.journal.release(id);
    }
  }

  private async succeed(job: OutboxJob, patch: Partial<OutboxJob>, handle: JobHandle): Promise<OutboxJob> {
    handle.finish();
    const done = await this.update(job.id, (latest) => ({
      ...latest,
      ...patch,
      state: 'done',
      reason: null,
      errorCode: null,
      ambiguous: false,
      nextAttemptAt: null,
    }));
    return done ?? { ...job, ...patch, state: 'done' };
  }

  private async fail(job: OutboxJob, error: PublishError, handle: JobHandle): Promise<OutboxJob> {
    const now = this.deps.clock.now().getTime();
    const next =
      (await this.update(job.id, (latest) => this.afterFailure(latest, error, now))) ??
      this.afterFailure(job, error, now);
    handle.fail(next.reason ?? error.message);
    if (next.draftId && next.action === 'publish') {
      const status = next.state === 'failed' ? 'failed' : 'queued';
      await this.deps.drafts.setStatus(next.draftId, status, next.reason).catch(() => undefined);
    }
    this.deps.logger.warn('outbox attempt failed', {
      job: job.id,
      retry: error.retry,
      reason: error.message,
    });
    return next;
  }

  /** Waits (backoff with jitter, never sooner than Retry-After) or gives up, with the sentence why. */
  private afterFailure(latest: OutboxJob, error: PublishError, now: number): OutboxJob {
    const ambiguous = latest.ambiguous || error.sent;
    const waits =
      error.retry === 'offline' ||
      (error.retry === 'transient' && latest.attempts < this.backoff.maxAttempts);
    if (waits) {
      const delay = backoffDelay(
        error.retry === 'offline' ? Math.min(latest.attempts, 6) : latest.attempts,
        this.backoff,
        error.retryAfterMs,
      );
      const when = new Date(now + delay);
      // When it is tried next is `nextAttemptAt`; each reader shows it on its own clock.
      return {
        ...latest,
        state: 'queued',
        ambiguous,
        reason: error.message,
        nextAttemptAt: when.toISOString(),
      };
    }
    const reason =
      error.retry === 'transient'
        ? `${error.message} Gave up after ${latest.attempts} attempts; retry from the outbox when the blog is working again.`
        : error.message;
    return { ...latest, state: 'failed', ambiguous, reason, errorCode: error.code, nextAttemptAt: null };
  }
}
