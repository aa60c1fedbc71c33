import type { CalendarEvent } from '../model/calendar-event';
import { escapeHtml, isoFor } from './event-html';

/** A Micropub create request in JSON form for an h-event (https://micropub.spec.indieweb.org/#json-syntax). */
export interface MicropubEventRequest {
  type: ['h-event'];
  properties: {
    name: [string];
    start: [string];
    end?: [string];
    location?: [string];
    url?: [string];
    summary?: [string];
    content?: [{ html: string }];
  };
}

/**
 * The event as Micropub h-event properties: name, start and end (ISO 8601 with the offset of the
 * event's zone; a date for all-day events), location, url, summary. `contentHtml` (for example the
 * post's body) becomes `content`; without it the description does.
 */
export function eventToMicropub(
  event: Pick<
    CalendarEvent,
    'title' | 'start' | 'end' | 'allDay' | 'timeZone' | 'location' | 'url' | 'description'
  >,
  options: { contentHtml?: string } = {},
): MicropubEventRequest {
  const properties: MicropubEventRequest['properties'] = {
    name: [event.title],
    start: [isoFor(event.start, event)],
  };
  if (event.end) properties.end = [isoFor(event.end, event)];
  if (event.location) properties.location = [event.location];
  if (/^https?:\/\//i.test(event.url)) properties.url = [event.url];
  const description = event.description.trim();
  if (description) properties.summary = [description];
  const html =
    options.contentHtml ??
    (description
      ? description
          .split(/\n\s*\n/)
          .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`)
          .join('')
      : undefined);
  if (html) properties.content = [{ html }];
  return { type: ['h-event'], properties };
}
