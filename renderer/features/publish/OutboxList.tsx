import { useEffect, useRef } from 'react';
import { OUTBOX_STATE_LABEL, OutboxJobActions } from './OutboxJobActions';
import { shownReason } from './OutboxStatus';
import './publish.css';
import { useOutboxJobs } from './useOutboxJobs';

/** The status bar's way here: `wanted` until the outbox has been shown and focused. */
export interface OutboxRequest {
  wanted: boolean;
  shown: () => void;
}

/**
 * The outbox: every publish and delete, with its state and, when it did not go, the reason, a retry
 * and a way to take it back.
 * When the status bar sent the author here, its heading takes the focus once it has loaded.
 */
export function OutboxList({ request }: { request?: OutboxRequest }) {
  const jobs = useOutboxJobs();
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = jobs !== undefined;
  const wanted = request?.wanted ?? false;
  const shown = request?.shown;
  useEffect(() => {
    if (!wanted || !loaded) return;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
    shown?.();
  }, [wanted, loaded, shown]);

  if (jobs === undefined) return null;
  return (
    <section className="outbox" aria-labelledby="outbox-title">
      <h2 id="outbox-title" ref={heading} tabIndex={-1}>
        Outbox
      </h2>
      {jobs.length === 0 ? (
        <p className="muted">Nothing sent yet. Publishes wait here while the blog cannot be reached.</p>
      ) : (
        <ul className="outbox__list" aria-label="Outbox">
          {jobs.slice(0, 50).map((job) => (
            <li key={job.id} className="outbox__item" data-outbox-row tabIndex={-1}>
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
                {shownReason(job) && <span className="outbox__reason">{shownReason(job)}</span>}
              </span>
              <OutboxJobActions job={job} what={`“${job.title || 'Untitled'}”`} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
