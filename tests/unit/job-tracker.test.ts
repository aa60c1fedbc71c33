import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/model/job';
import { EventBus } from '../../main/core/events/event-bus';
import { JobTracker } from '../../main/core/jobs/job-tracker';

describe('background jobs', () => {
  it('report progress as events and can be cancelled', () => {
    const events = new EventBus();
    const seen: JobProgress[] = [];
    events.onAny((event, payload) => event === 'progress' && seen.push(payload as JobProgress));
    const jobs = new JobTracker(events);
    const job = jobs.start('Importing bookmarks', 10);
    job.progress(4);
    expect(jobs.list()).toMatchObject([
      { label: 'Importing bookmarks', done: 4, total: 10, state: 'running' },
    ]);
    expect(jobs.cancel(seen[0]!.id)).toBe(true);
    expect(job.signal.aborted).toBe(true);
    job.progress(5);
    expect(seen.map((entry) => entry.state)).toEqual(['running', 'running', 'cancelled']);
  });

  it('a finished job stays finished', () => {
    const jobs = new JobTracker(new EventBus());
    const job = jobs.start('Fetching titles');
    job.finish('12 titles');
    job.fail('late failure');
    expect(jobs.list()[0]).toMatchObject({ state: 'done', message: '12 titles' });
  });
});
