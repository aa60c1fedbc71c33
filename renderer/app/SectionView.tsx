import { EmptyState } from '../components/EmptyState';
import type { SectionId } from './sections';

/** Each section's screen; a section's feature replaces its entry here as it lands. */
export function SectionView({ section }: { section: Exclude<SectionId, 'settings'> }) {
  switch (section) {
    case 'drafts':
      return (
        <EmptyState title="Drafts">
          Your posts, kept on this computer. Write offline; publish when you are ready.
        </EmptyState>
      );
    case 'inbox':
      return (
        <EmptyState title="Inbox">
          Links you collect from the web, ready to become a weekly link digest.
        </EmptyState>
      );
    case 'calendar':
      return (
        <EmptyState title="Calendar">
          The events your blog announces, as a month view and an agenda.
        </EmptyState>
      );
    case 'blogs':
      return <EmptyState title="Blogs">The blogs you publish to, over Micropub or MetaWeblog.</EmptyState>;
  }
}
