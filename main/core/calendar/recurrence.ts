import ICAL from 'ical.js';
import type { CalendarEvent, EventOccurrence } from '../../../shared/model/calendar-event';
import { datePart, formatLocal, parseLocal } from '../../../shared/events/local-date';
import { instantToLocal, localToInstant } from '../../../shared/events/time-zone';
import { icalTime } from './ical-time';

/** A runaway rule (FREQ=MINUTELY with no end) must not stall the calendar. */
const MAX_OCCURRENCES = 5000;
const DAY_MS = 24 * 60 * 60_000;

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

/**
 * Whether an occurrence falls on the reader's days [from, to]. A timed event in another zone is
 * placed on the reader's clock first (20:00 in Auckland is the evening before in Los Angeles); an
 * all-day event is the same days everywhere.
 */
function fallsOn(
  event: CalendarEvent,
  start: string,
  end: string | null,
  range: { from?: string | undefined; to?: string | undefined; readerZone?: string | undefined },
): boolean {
  const { from, to, readerZone } = range;
  if (event.allDay || !readerZone || readerZone === event.timeZone)
    return overlaps(start, end, event.allDay, from, to);
  const here = (local: string) => instantToLocal(localToInstant(local, event.timeZone), readerZone);
  return overlaps(here(start), end === null ? null : here(end), false, from, to);
}

function localOf(time: ICAL.Time, allDay: boolean): string {
  return formatLocal(
    { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute },
    !allDay,
  );
}

/**
 * The showings of an event within [from, to] (dates in `readerZone`, both included; in the
 * event's own zone when none is given). A recurring event is expanded on the wall clock of its own
 * time zone, as RFC 5545 says; without `to` it shows once, at its next occurrence on or after
 * `from`. Occurrences keep the event's own wall-clock times.
 */
export function occurrencesOf(
  event: CalendarEvent,
  from?: string,
  to?: string,
  readerZone?: string,
): EventOccurrence[] {
  const range = { from, to, readerZone };
  if (!event.rrule) {
    return fallsOn(event, event.start, event.end, range)
      ? [{ event, start: event.start, end: event.end }]
      : [];
  }
  // A day either side, since the reader's day may be the event's day before or after.
  const lastToExpand = to ? datePart(shift(`${to}T00:00`, 2 * DAY_MS, true)) : undefined;
  const length = event.end ? toUtcMs(event.end) - toUtcMs(event.start) : null;
  const skipped = new Set(event.exdates);
  const iterator = ICAL.Recur.fromString(event.rrule).iterator(icalTime(event.start, event.allDay));
  const found: EventOccurrence[] = [];
  for (let count = 0; count < MAX_OCCURRENCES; count++) {
    const next = iterator.next();
    if (!next) break;
    const start = localOf(next, event.allDay);
    if (lastToExpand && datePart(start) > lastToExpand) break;
    if (skipped.has(start)) continue;
    const end = length === null ? null : shift(start, length, !event.allDay);
    if (!fallsOn(event, start, end, range)) continue;
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
