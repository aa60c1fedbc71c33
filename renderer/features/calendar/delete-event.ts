import type { CoreClient } from '../../../shared/contract/client';
import type { CalendarEvent } from '../../../shared/model/calendar-event';
import type { ToastMessage } from '../../components/Toast';

/** Deletes an event and offers to bring it back (the toast's Undo, or Ctrl/⌘+Z while it shows). */
export async function deleteEventWithUndo(
  core: CoreClient,
  event: CalendarEvent,
  toast: (message: ToastMessage) => void,
): Promise<void> {
  await core.call('events-delete', { id: event.id });
  toast({
    text: `Deleted “${event.title}”.`,
    action: { label: 'Undo', run: () => void core.call('events-restore', { id: event.id }) },
  });
}
