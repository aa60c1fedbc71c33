import { useState } from 'react';
import type { JobProgress } from '../../shared/model/job';
import {
  CONNECTION_LOST,
  useConnectionState,
  useCore,
  useCoreEvent,
  useCoreValue,
} from '../core/CoreContext';
import { useOnline } from './useOnline';

/** Connection and network state on the left, background work with progress on the right. */
export function StatusBar() {
  const online = useOnline();
  const connection = useConnectionState();
  const core = useCore();
  const [initial] = useCoreValue((client) => client.call('jobs-list', {}));
  const [jobs, setJobs] = useState<Record<string, JobProgress>>({});
  useCoreEvent('progress', (job) => setJobs((all) => ({ ...all, [job.id]: job })));
  const visible = Object.values({
    ...Object.fromEntries((initial ?? []).map((job) => [job.id, job])),
    ...jobs,
  });
  const running = visible.filter((job) => job.state === 'running');

  return (
    <footer className="status-bar" role="status" aria-label="Status">
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
      {running.length === 0 ? (
        <span className="status-bar__idle">No background work</span>
      ) : (
        running.map((job) => (
          <span key={job.id} className="status-bar__job">
            {job.label}
            {job.total ? ` ${job.done}/${job.total}` : '…'}
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
        ))
      )}
    </footer>
  );
}
