import { randomUUID } from 'node:crypto';
import { CoreFailure } from '../../../shared/contract/errors';
import type { JobProgress } from '../../../shared/model/job';
import type { EventBus } from '../events/event-bus';

export interface JobHandle {
  readonly signal: AbortSignal;
  progress(done: number, total?: number | null, message?: string): void;
  finish(message?: string): void;
  fail(message: string): void;
}

/** Keeps long work visible (status bar) and cancellable; finished jobs are forgotten after a while. */
export class JobTracker {
  private readonly jobs = new Map<string, { progress: JobProgress; controller: AbortController }>();

  constructor(
    private readonly events: EventBus,
    private readonly keepFinishedMs = 10_000,
  ) {}

  start(label: string, total: number | null = null): JobHandle {
    const id = randomUUID();
    const controller = new AbortController();
    const entry: { progress: JobProgress; controller: AbortController } = {
      progress: { id, label, state: 'running', done: 0, total },
      controller,
    };
    this.jobs.set(id, entry);
    this.emit(id);
    const update = (patch: Partial<JobProgress>) => {
      if (entry.progress.state !== 'running') return;
      entry.progress = { ...entry.progress, ...patch };
      this.emit(id);
      if (entry.progress.state !== 'running')
        setTimeout(() => this.jobs.delete(id), this.keepFinishedMs).unref?.();
    };
    controller.signal.addEventListener('abort', () => update({ state: 'cancelled', message: 'Cancelled' }));
    return {
      signal: controller.signal,
      progress: (done, newTotal, message) =>
        update({
          done,
          ...(newTotal !== undefined ? { total: newTotal } : {}),
          ...(message ? { message } : {}),
        }),
      finish: (message) => update({ state: 'done', ...(message ? { message } : {}) }),
      fail: (message) => update({ state: 'failed', message }),
    };
  }

  list(): JobProgress[] {
    return [...this.jobs.values()].map((entry) => entry.progress);
  }

  cancel(id: string): boolean {
    const entry = this.jobs.get(id);
    if (!entry) throw new CoreFailure('not-found', 'That background task has already finished.');
    if (entry.progress.state !== 'running') return false;
    entry.controller.abort();
    return true;
  }

  private emit(id: string): void {
    const entry = this.jobs.get(id);
    if (entry) this.events.emit('progress', entry.progress);
  }
}
