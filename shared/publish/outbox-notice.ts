import type { OutboxJob } from '../model/publish';

export interface OutboxNotice {
  title: string;
  body: string;
  tone: 'info' | 'error';
}

/**
 * Tells when a publish that had to wait (offline, a retry after a failure) finally goes out or
 * gives up, so the author hears of it wherever they are in the app: the desktop app as a native
 * notification, the browser host as a toast. A publish that goes out at once is not announced: the
 * author is watching its button.
 */
export class OutboxNotices {
  private readonly waiting = new Set<string>();

  /** Feed every job as it changes (and the list at start); answers what to announce, if anything. */
  observe(job: OutboxJob): OutboxNotice | null {
    if (job.state === 'queued' && (job.nextAttemptAt !== null || job.attempts > 0)) {
      this.waiting.add(job.id);
      return null;
    }
    if (!this.waiting.has(job.id) || (job.state !== 'done' && job.state !== 'failed')) {
      if (job.state === 'cancelled') this.waiting.delete(job.id);
      return null;
    }
    this.waiting.delete(job.id);
    const title = job.title || 'Untitled';
    if (job.state === 'failed')
      return {
        title: 'Not published',
        body: `“${title}” could not go to ${job.blogName}: ${job.reason ?? 'unknown reason'}`,
        tone: 'error',
      };
    const verb = job.action === 'delete' ? 'Deleted from' : 'Published on';
    return { title: `${verb} ${job.blogName}`, body: `“${title}” went out from the outbox.`, tone: 'info' };
  }
}
