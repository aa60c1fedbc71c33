import { useEffect, useState } from 'react';
import { OutboxNotices } from '../../shared/publish/outbox-notice';
import { Toast, useToast } from '../components/Toast';
import { useCore, useCoreEvent } from '../core/CoreContext';
import { HOST } from '../features/commands/platform';

/**
 * Messages that belong to no one screen: a publish from the outbox that went out or failed (the
 * desktop app shows those as native notifications instead), and what the desktop host tells the
 * window (a postwright:// link it refused).
 */
export function AppNotices() {
  const core = useCore();
  const [toast, show] = useToast(10_000);
  const [notices] = useState(() => new OutboxNotices());

  useEffect(() => {
    if (HOST !== 'browser') return;
    let live = true;
    core
      .call('outbox-list', {})
      .then((jobs) => live && jobs.forEach((job) => notices.observe(job)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [core, notices]);

  useCoreEvent('outbox-changed', (job) => {
    if (HOST !== 'browser') return;
    const notice = notices.observe(job);
    if (notice) show({ text: `${notice.title}: ${notice.body}`, tone: notice.tone });
  });
  useCoreEvent('app-notice', ({ text, tone }) => show({ text, tone }));

  return (
    <div className="toast-dock toast-dock--app">
      <Toast toast={toast} onDismiss={() => show(null)} />
    </div>
  );
}
