import type { EventBus } from '../../main/core/events/event-bus';
import type { OutboxJob } from '../../shared/model/publish';

const settledStates: OutboxJob['state'][] = ['done', 'failed'];

/**
 * Follows the outbox as the app does, through its `outbox-changed` events; start it before the
 * publishes. `settled` resolves once every job named is done or has failed for good, or after
 * `withinMs` with the jobs as they stand, so an assertion can say which one did not finish.
 */
export function watchOutbox(events: EventBus) {
  const latest = new Map<string, OutboxJob>();
  const waiting = new Set<() => void>();
  const stop = events.onAny((event, payload) => {
    if (event !== 'outbox-changed') return;
    const job = payload as OutboxJob;
    latest.set(job.id, job);
    for (const check of waiting) check();
  });
  return {
    settled(ids: string[], withinMs: number): Promise<(OutboxJob | undefined)[]> {
      return new Promise((resolve) => {
        const current = () => ids.map((id) => latest.get(id));
        const finish = () => {
          waiting.delete(check);
          clearTimeout(timer);
          resolve(current());
        };
        const check = () => {
          if (current().every((job) => job && settledStates.includes(job.state))) finish();
        };
        const timer = setTimeout(finish, withinMs);
        waiting.add(check);
        check();
      });
    },
    stop,
  };
}
