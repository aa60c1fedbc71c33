import ICAL from 'ical.js';
import type { CalendarEvent } from '../../../shared/model/calendar-event';
import { addDays } from '../../../shared/events/local-date';
import { icalTime } from './ical-time';
import { buildVTimezone } from './vtimezone';

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Zulu']);

function instantTime(iso: string): ICAL.Time {
  return ICAL.Time.fromJSDate(new Date(iso), true);
}

/** DTSTART/DTEND/EXDATE in the event's zone: VALUE=DATE for days, UTC for UTC, else TZID. */
function addTime(vevent: ICAL.Component, name: string, local: string, event: CalendarEvent): void {
  const utc = UTC_ZONES.has(event.timeZone);
  const property = new ICAL.Property(name, vevent);
  property.setValue(icalTime(local, event.allDay, utc && !event.allDay));
  if (!event.allDay && !utc) property.setParameter('tzid', event.timeZone);
  vevent.addProperty(property);
}

function toVEvent(event: CalendarEvent, now: Date): ICAL.Component {
  const vevent = new ICAL.Component('vevent');
  vevent.addPropertyWithValue('uid', event.uid);
  vevent.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(now, true));
  vevent.addPropertyWithValue('created', instantTime(event.createdAt));
  vevent.addPropertyWithValue('last-modified', instantTime(event.updatedAt));
  vevent.addPropertyWithValue('summary', event.title);
  addTime(vevent, 'dtstart', event.start, event);
  // An all-day DTEND is the day after the last day (RFC 5545 3.6.1).
  if (event.allDay) addTime(vevent, 'dtend', addDays(event.end ?? event.start, 1), event);
  else if (event.end) addTime(vevent, 'dtend', event.end, event);
  if (event.location) vevent.addPropertyWithValue('location', event.location);
  if (event.url) vevent.addPropertyWithValue('url', event.url);
  if (event.description) vevent.addPropertyWithValue('description', event.description);
  if (event.rrule) vevent.addPropertyWithValue('rrule', ICAL.Recur.fromString(event.rrule));
  for (const exdate of event.exdates) addTime(vevent, 'exdate', exdate, event);
  return vevent;
}

/** The years each zone's events touch, so its VTIMEZONE covers them (and a year either side). */
function zoneYears(events: CalendarEvent[]): Map<string, [number, number]> {
  const years = new Map<string, [number, number]>();
  for (const event of events) {
    if (event.allDay || UTC_ZONES.has(event.timeZone)) continue;
    const first = Number(event.start.slice(0, 4));
    const last = Math.max(Number((event.end ?? event.start).slice(0, 4)), event.rrule ? first + 10 : first);
    const known = years.get(event.timeZone);
    years.set(event.timeZone, [
      Math.min(known?.[0] ?? first, first - 1),
      Math.max(known?.[1] ?? last, last + 1),
    ]);
  }
  return years;
}

/**
 * An RFC 5545 calendar of `events`: UID, DTSTAMP, TZID with a VTIMEZONE (or UTC), text escaped
 * and lines folded at 75 octets by ical.js's writer.
 */
export function eventsToIcs(events: CalendarEvent[], now: Date): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', '-//Postwright//Calendar//EN');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  for (const [zone, [from, to]] of zoneYears(events))
    calendar.addSubcomponent(buildVTimezone(zone, from, to));
  for (const event of events) calendar.addSubcomponent(toVEvent(event, now));
  // ical.js counts the 75 octets without the space that starts a continuation line; 74 keeps
  // every physical line, continuation included, within 75 octets.
  const foldLength = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return `${calendar.toString()}\r\n`;
  } finally {
    ICAL.foldLength = foldLength;
  }
}
