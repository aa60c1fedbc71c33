import { useState } from 'react';
import { Announcer } from '../components/Announcer';
import { FETCH_LINK_DETAILS_JOB, type JobProgress } from '../../shared/model/job';
import {
  CONNECTION_LOST,
  useConnectionState,
  useCore,
  useCoreEvent,
  useCoreValue,
} from '../core/CoreContext';
import { OutboxStatus } from '../features/publish/OutboxStatus';
import { useOutboxJobs } from '../features/publish/useOutboxJobs';
import { useOnline } from './useOnline';

/** A running job as a sentence: the link fetcher counts the titles still to come. */
function jobText(job: JobProgress): string {
  if (job.label === FETCH_LINK_DETAILS_JOB && job.total !== null) {
    const left = Math.max(job.total - job.done, 1);
    return `Fetching the title${left === 1 ? '' : 's'} of ${left} link${left === 1 ? '' : 's'}…`;
  }
  return `${job.label}${job.total ? ` ${job.done}/${job.total}` : '…'}`;
}

/**
 * Connection and network state on the left; on the right, everything going on in the background:
 * running work with its progress, and what waits in the outbox (with its next try; a click opens it).
 */
export function StatusBar({ onOpenOutbox }: { onOpenOutbox: () => void }) {
  const online = useOnline();
  const connection = useConnectionState();
  const core = useCore();
  const [initial] = useCoreValue((client) => client.call('jobs-list', {}));
  const [jobs, setJobs] = useState<Record<string, JobProgress>>({});
  useCoreEvent('progress', (job) => setJobs((all) => ({ ...all, [job.id]: job })));
  const outbox = useOutboxJobs() ?? [];
  const visible = Object.values({
    ...Object.fromEntries((initial ?? []).map((job) => [job.id, job])),
    ...jobs,
  });
  const running = visible.filter((job) => job.state === 'running');
  const waiting = outbox.some((job) => job.state === 'queued');

  return (
    <footer className="status-bar" aria-label="Status">
      <Announcer />
      <span
        className={`status-bar__dot status-bar__dot--${connection === 'open' && online ? 'ok' : 'warn'}`}
      />
      <span data-testid="connection-state">
        {connection === 'open' ? 'Connected' : connection === 'connecting' ? 'Connecting…' : CONNECTION_LOST}
      </span>
      <span className="status-bar__sep" aria-hidden="true">
        ·
      </span>
      <span data-testid="network-state">
        {online ? 'Online' : 'Offline: publishing waits for the network'}
      </span>
      <span className="status-bar__spacer" />
      {running.length === 0 && !waiting && <span className="status-bar__idle">No background work</span>}
      {running.map((job) => (
        <span key={job.id} className="status-bar__job">
          {jobText(job)}
          <progress
            max={job.total ?? undefined}
            value={job.total ? job.done : undefined}
            aria-label={job.label}
          />
          <button
            type="button"
            className="link-button"
            onClick={() => void core.call('jobs-cancel', { id: job.id })}
          >
            Cancel
          </button>
        </span>
      ))}
      <OutboxStatus jobs={outbox} onOpen={onOpenOutbox} />
    </footer>
  );
}
