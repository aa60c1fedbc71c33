import { Notification } from 'electron';
import { OutboxNotices } from '../../shared/publish/outbox-notice';
import type { EventBus } from '../core/events/event-bus';
import type { Router } from '../core/rpc/router';

/**
 * A native notification when a publish that had to wait goes out or fails (the browser host shows a
 * toast instead; the rule is shared: shared/publish/outbox-notice.ts). Returns the cleanup.
 */
export function notifyOutbox(events: EventBus, router: Router): () => void {
  const notices = new OutboxNotices();
  router
    .call('outbox-list', {}, { signal: new AbortController().signal })
    .then((jobs) => jobs.forEach((job) => notices.observe(job)))
    .catch(() => undefined);
  return events.onAny((event, payload) => {
    if (event !== 'outbox-changed') return;
    const notice = notices.observe(payload as Parameters<OutboxNotices['observe']>[0]);
    if (notice && Notification.isSupported())
      new Notification({ title: notice.title, body: notice.body }).show();
  });
}
