import ICAL from 'ical.js';
import type { CalendarEvent, EventOccurrence } from '../../../shared/model/calendar-event';
import { datePart, formatLocal, parseLocal } from '../../../shared/events/local-date';
import { icalTime } from './ical-time';

/** A runaway rule (FREQ=MINUTELY with no end) must not stall the calendar. */
const MAX_OCCURRENCES = 5000;

function toUtcMs(local: string): number {
  const parts = parseLocal(local);
  if (!parts) throw new Error(`Not a local date or time: ${local}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour ?? 0, parts.minute ?? 0);
}

/** Wall-clock arithmetic: an event lasts the same on the clock whatever happens to the zone's offset. */
function shift(local: string, ms: number, withTime: boolean): string {
  const moved = new Date(toUtcMs(local) + ms);
  return formatLocal(
    {
      year: moved.getUTCFullYear(),
      month: moved.getUTCMonth() + 1,
      day: moved.getUTCDate(),
      hour: moved.getUTCHours(),
      minute: moved.getUTCMinutes(),
    },
    withTime,
  );
}

/** The last day an occurrence touches (an event ending at midnight does not touch the next day). */
function lastDay(start: string, end: string | null, allDay: boolean): string {
  if (!end) return datePart(start);
  if (allDay || end.endsWith('T00:00') === false) return datePart(end);
  return end > start ? datePart(shift(end, -60_000, true)) : datePart(start);
}

function overlaps(start: string, end: string | null, allDay: boolean, from?: string, to?: string): boolean {
  if (to && datePart(start) > to) return false;
  if (from && lastDay(start, end, allDay) < from) return false;
  return true;
}

function localOf(time: ICAL.Time, allDay: boolean): string {
  return formatLocal(
    { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute },
    !allDay,
  );
}

/**
 * The showings of an event within [from, to] (local dates, both included). A recurring event is
 * expanded on the wall clock of its own time zone, as RFC 5545 says; without `to` it shows once,
 * at its next occurrence on or after `from`.
 */
export function occurrencesOf(event: CalendarEvent, from?: string, to?: string): EventOccurrence[] {
  if (!event.rrule) {
    return overlaps(event.start, event.end, event.allDay, from, to)
      ? [{ event, start: event.start, end: event.end }]
      : [];
  }
  const length = event.end ? toUtcMs(event.end) - toUtcMs(event.start) : null;
  const skipped = new Set(event.exdates);
  const iterator = ICAL.Recur.fromString(event.rrule).iterator(icalTime(event.start, event.allDay));
  const found: EventOccurrence[] = [];
  for (let count = 0; count < MAX_OCCURRENCES; count++) {
    const next = iterator.next();
    if (!next) break;
    const start = localOf(next, event.allDay);
    if (to && datePart(start) > to) break;
    if (skipped.has(start)) continue;
    const end = length === null ? null : shift(start, length, !event.allDay);
    if (!overlaps(start, end, event.allDay, from, to)) continue;
    found.push({ event, start, end });
    if (!to) break;
  }
  return found;
}

export function compareOccurrences(a: EventOccurrence, b: EventOccurrence): number {
  const byStart = datePart(a.start).localeCompare(datePart(b.start));
  if (byStart !== 0) return byStart;
  // On one day, all-day events come before timed ones, then by time, then by title.
  if (a.event.allDay !== b.event.allDay) return a.event.allDay ? -1 : 1;
  return a.start.localeCompare(b.start) || a.event.title.localeCompare(b.event.title);
}
