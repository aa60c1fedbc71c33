import { DraftsView } from '../features/drafts/DraftsView';
import type { OutboxRequest } from '../features/publish/OutboxList';
import { BlogsView, CalendarView, InboxView } from './lazy-sections';
import type { SectionId } from './sections';

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
      return <CalendarView />;
    case 'blogs':
      return <BlogsView outbox={outbox} />;
  }
}
