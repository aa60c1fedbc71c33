import { lazy, Suspense } from 'react';
import { BlogsView } from '../features/blogs/BlogsView';
import { DraftsView } from '../features/drafts/DraftsView';
import { InboxView } from '../features/inbox/InboxView';
import type { OutboxRequest } from '../features/publish/OutboxList';
import type { SectionId } from './sections';

// The calendar loads when it is first opened, keeping the start bundle small.
const CalendarView = lazy(() => import('../features/calendar/CalendarView'));

/** Each section's screen; a section's feature replaces its entry here as it lands. */
export function SectionView({
  section,
  outbox,
}: {
  section: Exclude<SectionId, 'settings'>;
  /** Whether the outbox was asked for (status bar): Blogs then shows it. */
  outbox: OutboxRequest;
}) {
  switch (section) {
    case 'drafts':
      return <DraftsView />;
    case 'inbox':
      return <InboxView />;
    case 'calendar':
      return (
        <Suspense fallback={<p className="muted section-loading">Loading the calendar…</p>}>
          <CalendarView />
        </Suspense>
      );
    case 'blogs':
      return <BlogsView outbox={outbox} />;
  }
}
