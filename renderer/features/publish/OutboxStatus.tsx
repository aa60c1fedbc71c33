import type { OutboxJob } from '../../../shared/model/publish';
import { nextTryClock, waitingReason } from '../../../shared/publish/next-try';

/** A job's reason as the author reads it: a waiting one says when it is tried next, on their clock. */
export const shownReason = (job: OutboxJob) =>
  job.state === 'queued' ? waitingReason(job.reason, job.nextAttemptAt) : job.reason;

/** "2 posts wait in the outbox, next try at 14:05:30", or null when nothing waits. */
export function outboxWaitingText(jobs: OutboxJob[]): string | null {
  const waiting = jobs.filter((job) => job.state === 'queued');
  if (waiting.length === 0) return null;
  const next = waiting
    .map((job) => job.nextAttemptAt)
    .filter((at): at is string => at !== null)
    .sort()[0];
  const what = waiting.length === 1 ? '1 post waits' : `${waiting.length} posts wait`;
  return `${what} in the outbox${next ? `, next try at ${nextTryClock(next)}` : ''}`;
}

/** What waits in the outbox, in the status bar; a click opens the outbox. */
export function OutboxStatus({ jobs, onOpen }: { jobs: OutboxJob[]; onOpen: () => void }) {
  const text = outboxWaitingText(jobs);
  if (!text) return null;
  const waiting = jobs.find((job) => job.state === 'queued' && job.reason);
  const reason = waiting ? shownReason(waiting) : null;
  return (
    <button
      type="button"
      className="link-button status-bar__outbox"
      onClick={onOpen}
      title={reason ?? undefined}
    >
      {text}
    </button>
  );
}
