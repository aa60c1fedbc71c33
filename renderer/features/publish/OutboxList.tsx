import { useState } from 'react';
import type { OutboxJob } from '../../../shared/model/publish';
import { useCoreEvent, useCoreValue } from '../../core/CoreContext';
import { OUTBOX_STATE_LABEL, OutboxJobActions } from './OutboxJobActions';
import './publish.css';

/**
 * The outbox: every publish and delete, with its state and, when it did not go, the reason, a retry
 * and a way to take it back.
 */
export function OutboxList() {
  const [initial] = useCoreValue((client) => client.call('outbox-list', {}));
  const [changed, setChanged] = useState<Record<string, OutboxJob>>({});
  useCoreEvent('outbox-changed', (job) => setChanged((all) => ({ ...all, [job.id]: job })));
  const jobs = Object.values({
    ...Object.fromEntries((initial ?? []).map((job) => [job.id, job])),
    ...changed,
  }).sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  if (initial === undefined) return null;
  return (
    <section className="outbox" aria-labelledby="outbox-title">
      <h2 id="outbox-title">Outbox</h2>
      {jobs.length === 0 ? (
        <p className="muted">Nothing sent yet. Publishes wait here while the blog cannot be reached.</p>
      ) : (
        <ul className="outbox__list" aria-label="Outbox">
          {jobs.slice(0, 50).map((job) => (
            <li key={job.id} className="outbox__item">
              <span className={`outbox__state outbox__state--${job.state}`}>
                {OUTBOX_STATE_LABEL[job.state]}
              </span>
              <span className="outbox__what">
                {job.action === 'delete' ? 'Delete ' : ''}“{job.title || 'Untitled'}” → {job.blogName}
                {job.result?.url && job.action === 'publish' && (
                  <>
                    {' · '}
                    <a href={job.result.url} target="_blank" rel="noopener noreferrer">
                      {job.result.remoteStatus === 'future'
                        ? 'scheduled post'
                        : job.result.remoteStatus === 'draft'
                          ? 'draft on the blog'
                          : 'view post'}
                    </a>
                  </>
                )}
                {job.reason && <span className="outbox__reason">{job.reason}</span>}
              </span>
              <OutboxJobActions job={job} what={`“${job.title || 'Untitled'}”`} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
