import { useRef, useState } from 'react';
import type { OutboxJob } from '../../../shared/model/publish';
import { useCore } from '../../core/CoreContext';

export const OUTBOX_STATE_LABEL: Record<OutboxJob['state'], string> = {
  queued: 'Queued',
  sending: 'Sending',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/**
 * A job that has not gone out can be sent now or taken back; one that may have reached the blog only
 * retried. Once it has gone or been taken back these buttons go, and the focus stays on its row
 * (`focusable`, tabIndex -1) instead of falling to the page's start.
 */
export function OutboxJobActions({ job, what }: { job: OutboxJob; what: string }) {
  const core = useCore();
  const [problem, setProblem] = useState<string | null>(null);
  const actions = useRef<HTMLSpanElement>(null);
  const act = (call: Promise<unknown>) => {
    setProblem(null);
    const row = actions.current?.closest<HTMLElement>('[data-outbox-row]');
    call
      .then(() => {
        if (row?.isConnected && !row.contains(document.activeElement)) row.focus();
      })
      .catch((failure: unknown) => setProblem(failure instanceof Error ? failure.message : String(failure)));
  };
  if (job.state !== 'queued' && job.state !== 'failed') return null;
  return (
    <span className="outbox__actions" ref={actions}>
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
