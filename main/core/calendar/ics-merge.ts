import type { CalendarEvent, EventImportResult } from '../../../shared/model/calendar-event';
import type { EventStore, StoredEvent } from './event-store';
import { readIcs } from './ics-import';

/**
 * Brings an .ics file's events into the calendar: an event whose UID is already known is updated
 * in place (keeping its id and the drafts that mention it), a new one is added. A deleted event
 * that comes back in a file is restored, since importing it says the author wants it.
 */
export async function importIcs(
  store: EventStore,
  content: string,
  options: { timeZone: string; now: string; name?: string },
): Promise<EventImportResult> {
  const read = readIcs(content, options.timeZone, options.name);
  return store.mutate((events) => {
    const byUid = new Map<string, StoredEvent>();
    for (const event of events.values()) byUid.set(event.uid, event);
    const result: EventImportResult = { added: 0, updated: 0, skipped: read.skipped, events: [] };
    for (const incoming of read.events) {
      const known = byUid.get(incoming.uid);
      const stored: StoredEvent = known
        ? { ...known, ...incoming, updatedAt: options.now, deletedAt: null }
        : {
            ...incoming,
            id: store.newId(),
            mentions: [],
            createdAt: options.now,
            updatedAt: options.now,
            deletedAt: null,
          };
      if (known) result.updated++;
      else result.added++;
      events.set(stored.id, stored);
      byUid.set(stored.uid, stored);
      const { deletedAt: _deletedAt, ...event } = stored;
      result.events.push(event satisfies CalendarEvent);
    }
    return result;
  });
}
