import type { OutboxJob } from '../../../shared/model/publish';

const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** "2 posts wait in the outbox, next try at 14:05:30", or null when nothing waits. */
export function outboxWaitingText(jobs: OutboxJob[]): string | null {
  const waiting = jobs.filter((job) => job.state === 'queued');
  if (waiting.length === 0) return null;
  const next = waiting
    .map((job) => job.nextAttemptAt)
    .filter((at): at is string => at !== null)
    .sort()[0];
  const what = waiting.length === 1 ? '1 post waits' : `${waiting.length} posts wait`;
  return `${what} in the outbox${next ? `, next try at ${clock(next)}` : ''}`;
}

/** What waits in the outbox, in the status bar; a click opens the outbox. */
export function OutboxStatus({ jobs, onOpen }: { jobs: OutboxJob[]; onOpen: () => void }) {
  const text = outboxWaitingText(jobs);
  if (!text) return null;
  const reason = jobs.find((job) => job.state === 'queued' && job.reason)?.reason;
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
