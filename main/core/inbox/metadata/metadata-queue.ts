import type { MetadataProgress } from '../../../../shared/model/bookmark';
import { FETCH_LINK_DETAILS_JOB } from '../../../../shared/model/job';
import type { JobHandle, JobTracker } from '../../jobs/job-tracker';
import type { FetchedPage } from './fetch-page';

export const FETCH_CONCURRENCY = 6;

export interface MetadataQueueDeps {
  jobs: JobTracker;
  fetch(url: string, signal: AbortSignal): Promise<FetchedPage>;
  /** The link's address, or null when it is gone (deleted while waiting). */
  urlOf(id: string): string | null;
  started(id: string): Promise<void>;
  finished(id: string, page: FetchedPage): Promise<void>;
  failed(id: string, reason: string): Promise<void>;
  progress(state: MetadataProgress): void;
}

/**
 * Fetches link metadata in the background, a few at a time, as one cancellable job with progress.
 * Each link is fetched once however often it is asked for; `enqueue` resolves when its links are done.
 */
export class MetadataQueue {
  private readonly waiting: string[] = [];
  private readonly waiters = new Map<string, (() => void)[]>();
  private readonly active = new Map<string, AbortController>();
  private job: { handle: JobHandle; total: number; done: number } | null = null;
  private closed = false;

  constructor(
    private readonly deps: MetadataQueueDeps,
    private readonly concurrency = FETCH_CONCURRENCY,
  ) {}

  enqueue(ids: string[]): Promise<void> {
    const fresh = ids.filter((id) => !this.waiters.has(id));
    const done = Promise.all(
      ids.map(
        (id) =>
          new Promise<void>((resolve) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), resolve])),
      ),
    ).then(() => undefined);
    if (this.closed) {
      this.settleAll();
      return done;
    }
    this.waiting.push(...fresh);
    if (fresh.length) {
      if (!this.job) {
        const handle = this.deps.jobs.start(FETCH_LINK_DETAILS_JOB, fresh.length);
        handle.signal.addEventListener('abort', () => this.cancelAll());
        this.job = { handle, total: fresh.length, done: 0 };
      } else {
        this.job.total += fresh.length;
        this.job.handle.progress(this.job.done, this.job.total);
      }
    }
    this.pump();
    return done;
  }

  /** Stops everything (the core is closing): links stay pending and are fetched next time. */
  dispose(): void {
    this.closed = true;
    this.waiting.length = 0;
    for (const controller of this.active.values()) controller.abort();
    this.settleAll();
  }

  private pump(): void {
    while (!this.closed && this.active.size < this.concurrency && this.waiting.length) {
      const id = this.waiting.shift()!;
      const controller = new AbortController();
      this.active.set(id, controller);
      void this.run(id, controller.signal).finally(() => {
        this.active.delete(id);
        this.settle(id);
        if (this.job) {
          this.job.done++;
          this.job.handle.progress(this.job.done, this.job.total);
        }
        if (this.waiting.length === 0 && this.active.size === 0 && this.job) {
          this.job.handle.finish(`${this.job.done} links`);
          this.job = null;
        }
        this.report();
        this.pump();
      });
    }
    this.report();
  }

  private async run(id: string, signal: AbortSignal): Promise<void> {
    const url = this.deps.urlOf(id);
    if (!url) return;
    try {
      await this.deps.started(id);
      const page = await this.deps.fetch(url, signal);
      if (this.closed) return;
      await this.deps.finished(id, page);
    } catch (error) {
      if (this.closed) return;
      await this.deps
        .failed(id, error instanceof Error ? error.message : String(error))
        .catch(() => undefined);
    }
  }

  private cancelAll(): void {
    this.job = null;
    const dropped = this.waiting.splice(0);
    for (const controller of this.active.values()) controller.abort();
    for (const id of dropped) {
      void this.deps.failed(id, 'Cancelled.').finally(() => this.settle(id));
    }
  }

  private settle(id: string): void {
    for (const resolve of this.waiters.get(id) ?? []) resolve();
    this.waiters.delete(id);
  }

  private settleAll(): void {
    for (const id of [...this.waiters.keys()]) this.settle(id);
  }

  private report(): void {
    this.deps.progress({ queued: this.waiting.length, active: this.active.size });
  }
}
