import type { CalendarEvent } from '../model/calendar-event';
import { datePart, parseLocal, timePart, weekday } from './local-date';

/** Dates and times as a British blog writes them: "Wednesday 25 November 2009, 9.30–12.30". */

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export type EventWhen = Pick<CalendarEvent, 'start' | 'end' | 'allDay'>;

/** "Wednesday 25 November 2009"; `withYear: false` leaves the year off. */
export function formatDay(local: string, withYear = true): string {
  const parts = parseLocal(datePart(local))!;
  const day = `${WEEKDAYS[weekday(local)]} ${parts.day} ${MONTH_NAMES[parts.month - 1]}`;
  return withYear ? `${day} ${parts.year}` : day;
}

/** "9.30", "12.00", "19.00". */
export function formatClock(local: string): string {
  const time = timePart(local) ?? '00:00';
  return `${Number(time.slice(0, 2))}.${time.slice(3, 5)}`;
}

/** The start and end texts an event block shows, split so each can sit in its own <time>. */
export function whenParts(event: EventWhen): { start: string; joiner: string; end: string | null } {
  const { start, end, allDay } = event;
  if (!end || end === start)
    return {
      start: allDay ? formatDay(start) : `${formatDay(start)}, ${formatClock(start)}`,
      joiner: '',
      end: null,
    };
  const sameDay = datePart(end) === datePart(start);
  if (!allDay && sameDay)
    return { start: `${formatDay(start)}, ${formatClock(start)}`, joiner: '–', end: formatClock(end) };
  if (!allDay)
    return {
      start: `${formatDay(start)}, ${formatClock(start)}`,
      joiner: ' – ',
      end: `${formatDay(end)}, ${formatClock(end)}`,
    };
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  const sameMonth = sameYear && start.slice(5, 7) === end.slice(5, 7);
  if (sameMonth) {
    return {
      start: `${WEEKDAYS[weekday(start)]} ${Number(start.slice(8, 10))}`,
      joiner: ' – ',
      end: formatDay(end),
    };
  }
  return { start: formatDay(start, !sameYear), joiner: ' – ', end: formatDay(end) };
}

/** "Wednesday 25 November 2009, 9.30–12.30". */
export function formatWhen(event: EventWhen): string {
  const parts = whenParts(event);
  return parts.end ? `${parts.start}${parts.joiner}${parts.end}` : parts.start;
}

/** "Wednesday 25 November 2009, 9.30–12.30, Brighton and Hove Council". */
export function formatEventLine(event: EventWhen & Pick<CalendarEvent, 'location'>): string {
  return event.location ? `${formatWhen(event)}, ${event.location}` : formatWhen(event);
}
