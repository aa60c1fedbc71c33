import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { CoreFailure } from '../../../shared/contract/errors';
import type { EventFields } from '../../../shared/model/calendar-event';
import { addDays, formatLocal } from '../../../shared/events/local-date';
import { instantToLocal, isValidTimeZone } from '../../../shared/events/time-zone';

/** An event read from an .ics file, before it meets the store. */
export interface IcsEvent extends Required<Omit<EventFields, 'mentions' | 'timeZone'>> {
  uid: string;
  timeZone: string;
  exdates: string[];
}

export interface IcsReadResult {
  events: IcsEvent[];
  skipped: { summary: string; reason: string }[];
}

function wallClock(time: ICAL.Time): string {
  return formatLocal(
    { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute },
    !time.isDate,
  );
}

/**
 * The event's zone and how to read its times: an IANA TZID is kept with its wall-clock times; UTC
 * and zones only the file defines (Outlook's "GMT Standard Time") are converted to `defaultZone`.
 */
function zoneOf(property: ICAL.Property | null, defaultZone: string): { zone: string; convert: boolean } {
  const time = property?.getFirstValue() as ICAL.Time | undefined;
  const tzid = property?.getParameter('tzid');
  if (!time || time.isDate) return { zone: defaultZone, convert: false };
  if (typeof tzid === 'string' && isValidTimeZone(tzid)) return { zone: tzid, convert: false };
  if (time.zone === ICAL.Timezone.utcTimezone || typeof tzid === 'string')
    return { zone: defaultZone, convert: true };
  return { zone: defaultZone, convert: false };
}

function localIn(time: ICAL.Time, zone: { zone: string; convert: boolean }): string {
  if (time.isDate || !zone.convert) return wallClock(time);
  return instantToLocal(time.toUnixTime() * 1000, zone.zone);
}

function text(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value.trim() : '';
}

function readEvent(vevent: ICAL.Component, defaultZone: string): IcsEvent {
  const event = new ICAL.Event(vevent);
  const startProperty = vevent.getFirstProperty('dtstart');
  if (!startProperty || !event.startDate) throw new Error('it has no start date (DTSTART)');
  const zone = zoneOf(startProperty, defaultZone);
  const allDay = event.startDate.isDate;
  const start = localIn(event.startDate, zone);
  let end: string | null = null;
  const endDate = event.endDate;
  if (endDate && endDate.compare(event.startDate) > 0) {
    const endProperty = vevent.getFirstProperty('dtend');
    const sameZone = !endProperty || endProperty.getParameter('tzid') === startProperty.getParameter('tzid');
    const local =
      allDay || sameZone ? localIn(endDate, zone) : instantToLocal(endDate.toUnixTime() * 1000, zone.zone);
    // .ics all-day ends are exclusive; the calendar keeps the last day.
    end = allDay ? addDays(local, -1) : local;
    if (allDay && end === start) end = null;
  }
  const rrule = vevent.getFirstPropertyValue('rrule');
  const exdates = vevent
    .getAllProperties('exdate')
    .flatMap((property) => property.getValues() as ICAL.Time[])
    .map((time) => localIn(time, zone));
  return {
    uid: text(vevent, 'uid') || `${randomUUID()}@postwright`,
    title: text(vevent, 'summary') || 'Untitled event',
    start,
    end,
    allDay,
    timeZone: zone.zone,
    location: text(vevent, 'location'),
    url: text(vevent, 'url'),
    description: text(vevent, 'description'),
    rrule: rrule instanceof ICAL.Recur ? rrule.toString() : null,
    exdates,
  };
}

/** Reads an .ics file's text with ical.js. Throws a sentence the author can act on when it is not one. */
/** The parser's complaint, cut short and with nothing unprintable (random bytes make a lot of it). */
function printable(detail: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = detail.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, ' ').replace(/\s+/g, ' ');
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}

export function readIcs(content: string, defaultZone: string, name = 'This file'): IcsReadResult {
  let calendars: ICAL.Component[];
  try {
    const parsed = ICAL.parse(content) as unknown[];
    // One calendar parses to one jCal array, several to an array of them.
    const list = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[][];
    calendars = list
      .map((jcal) => new ICAL.Component(jcal))
      .filter((component) => component.name === 'vcalendar');
  } catch (error) {
    throw new CoreFailure(
      'invalid-args',
      `${name} is not an iCalendar (.ics) file that can be read (${printable((error as Error).message)}). Export it again from your calendar app as .ics.`,
    );
  }
  if (calendars.length === 0)
    throw new CoreFailure(
      'invalid-args',
      `${name} holds no calendar (no BEGIN:VCALENDAR). Export it again from your calendar app as .ics.`,
    );
  const result: IcsReadResult = { events: [], skipped: [] };
  for (const calendar of calendars) {
    for (const vevent of calendar.getAllSubcomponents('vevent')) {
      const summary = text(vevent, 'summary') || 'Untitled event';
      if (vevent.hasProperty('recurrence-id')) {
        result.skipped.push({
          summary,
          reason:
            'it changes one occurrence of a repeating event; the repeating event is kept as first planned',
        });
        continue;
      }
      try {
        result.events.push(readEvent(vevent, defaultZone));
      } catch (error) {
        result.skipped.push({ summary, reason: (error as Error).message });
      }
    }
  }
  return result;
}
