import { useEffect, useState } from 'react';
import type { OutboxJob } from '../../../shared/model/publish';
import { useCore, useCoreEvent } from '../../core/CoreContext';
import { OUTBOX_STATE_LABEL, OutboxJobActions } from './OutboxJobActions';
import { shownReason } from './OutboxStatus';

/** Whether a job still needs the author's eye: not yet gone out, or given up. */
const pending = (job: OutboxJob) =>
  job.state === 'queued' || job.state === 'sending' || job.state === 'failed';

/**
 * The open draft's place in the outbox: while a publish of it waits (offline, retrying) or has
 * failed, a strip above the footer says so, with Retry now and Cancel.
 */
export function DraftOutboxState({ draftId }: { draftId: string }) {
  const core = useCore();
  const [job, setJob] = useState<OutboxJob | null>(null);

  useEffect(() => {
    let live = true;
    core
      .call('outbox-list', {})
      .then((jobs) => {
        if (!live) return;
        const latest = jobs.find((entry) => entry.draftId === draftId && entry.action === 'publish');
        setJob(latest && pending(latest) ? latest : null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [core, draftId]);

  useCoreEvent('outbox-changed', (changed) => {
    if (changed.draftId !== draftId || changed.action !== 'publish') return;
    setJob(pending(changed) || changed.state === 'cancelled' ? changed : null);
  });

  if (!job) return null;
  return (
    <div className="draft-outbox" role="status" aria-label="Outbox" data-outbox-row tabIndex={-1}>
      <span className={`outbox__state outbox__state--${job.state}`}>{OUTBOX_STATE_LABEL[job.state]}</span>
      <span className="draft-outbox__text">
        {job.state === 'cancelled'
          ? `Publishing to ${job.blogName} was cancelled; nothing was sent.`
          : job.state === 'sending'
            ? `Sending to ${job.blogName}…`
            : `${job.state === 'failed' ? 'Not sent' : 'Waiting to go'} to ${job.blogName}. ${shownReason(job) ?? ''}`}
      </span>
      <OutboxJobActions job={job} what="this publish" />
    </div>
  );
}
