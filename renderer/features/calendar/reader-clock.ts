import { formatClock, formatDay, formatWhen } from '../../../shared/events/event-text';
import { instantToLocal, localToInstant } from '../../../shared/events/time-zone';
import type { EventOccurrence } from '../../../shared/model/calendar-event';

/**
 * An occurrence on the reader's clock. A timed event set in another zone is placed on the day and at
 * the time it falls here (20:00 in Auckland is the evening before in Los Angeles), the same days the
 * core lists it for; when the clocks differ, `setIn` names the day, time and zone it was set in.
 */
export interface OccurrenceHere {
  start: string;
  end: string | null;
  /** "Thursday 5 March, 20.00 Pacific/Auckland"; null when it is all day or the clocks agree. */
  setIn: string | null;
}

export function occurrenceHere(entry: EventOccurrence, readerZone: string): OccurrenceHere {
  const { allDay, timeZone } = entry.event;
  if (allDay || timeZone === readerZone) return { start: entry.start, end: entry.end, setIn: null };
  const here = (local: string) => instantToLocal(localToInstant(local, timeZone), readerZone);
  const start = here(entry.start);
  // A zone with the same clock here at that time (Europe/London read in UTC in winter) goes unsaid.
  if (start === entry.start) return { start: entry.start, end: entry.end, setIn: null };
  return {
    start,
    end: entry.end === null ? null : here(entry.end),
    setIn: `${formatDay(entry.start, false)}, ${formatClock(entry.start)} ${timeZone}`,
  };
}

/** The agenda's second line for an event from another zone, worded as `events list` words it. */
export function whenHere(entry: EventOccurrence, readerZone: string): string | null {
  const { start, setIn } = occurrenceHere(entry, readerZone);
  if (!setIn) return null;
  return `${entry.event.timeZone} time; here ${formatWhen({ allDay: false, start, end: null })}`;
}
