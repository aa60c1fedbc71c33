import { useState } from 'react';
import type { OutboxJob } from '../../../shared/model/publish';
import { useCore } from '../../core/CoreContext';

export const OUTBOX_STATE_LABEL: Record<OutboxJob['state'], string> = {
  queued: 'Queued',
  sending: 'Sending',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** A job that has not gone out can be sent now or taken back; one that may have reached the blog only retried. */
export function OutboxJobActions({ job, what }: { job: OutboxJob; what: string }) {
  const core = useCore();
  const [problem, setProblem] = useState<string | null>(null);
  const act = (call: Promise<unknown>) => {
    setProblem(null);
    call.catch((failure: unknown) =>
      setProblem(failure instanceof Error ? failure.message : String(failure)),
    );
  };
  if (job.state !== 'queued' && job.state !== 'failed') return null;
  return (
    <span className="outbox__actions">
      {problem && (
        <span className="outbox__problem" role="alert">
          {problem}
        </span>
      )}
      <button
        type="button"
        className="button"
        aria-label={`Retry ${what} now`}
        onClick={() => act(core.call('outbox-retry', { id: job.id }))}
      >
        Retry now
      </button>
      {!job.ambiguous && (
        <button
          type="button"
          className="button"
          aria-label={`Cancel ${what}`}
          onClick={() => act(core.call('outbox-cancel', { id: job.id }))}
        >
          Cancel
        </button>
      )}
    </span>
  );
}
