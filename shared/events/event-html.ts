import type { CalendarEvent } from '../model/calendar-event';
import { allowedLinkTarget } from '../net/safe-link';
import { whenParts } from './event-text';
import { toIsoWithOffset } from './time-zone';

/**
 * Event posts as HTML with h-event microformats (https://microformats.org/wiki/h-event): readers
 * see "Wednesday 25 November 2009, 9.30–12.30, Brighton and Hove Council"; parsers see p-name,
 * dt-start/dt-end with ISO datetimes, p-location and p-summary/e-content. Every value is escaped.
 */

export type EventForHtml = Pick<
  CalendarEvent,
  'title' | 'start' | 'end' | 'allDay' | 'timeZone' | 'location' | 'url' | 'description'
>;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Only absolute web links go into href, by the one link policy: a `javascript:` URL or a name and
 * password in an imported event must not reach a post.
 */
function safeHref(url: string): string | null {
  const href = allowedLinkTarget(url, 'web');
  return href !== null && /^https?:\/\//i.test(href) ? href : null;
}

/** The ISO value of a dt- property: a date for all-day events, a date-time with its offset otherwise. */
export function isoFor(local: string, event: Pick<CalendarEvent, 'allDay' | 'timeZone'>): string {
  return event.allDay ? local.slice(0, 10) : toIsoWithOffset(local, event.timeZone);
}

/** The readable when-and-where line with its dt-start, dt-end and p-location markup. */
export function eventLineHtml(event: EventForHtml, start = event.start, end = event.end): string {
  const parts = whenParts({ start, end, allDay: event.allDay });
  let html = `<time class="dt-start" datetime="${escapeHtml(isoFor(start, event))}">${escapeHtml(parts.start)}</time>`;
  if (end && parts.end)
    html += `${escapeHtml(parts.joiner)}<time class="dt-end" datetime="${escapeHtml(isoFor(end, event))}">${escapeHtml(parts.end)}</time>`;
  if (event.location) html += `, <span class="p-location">${escapeHtml(event.location)}</span>`;
  return html;
}

function nameHtml(event: EventForHtml, tag: 'strong' | 'span'): string {
  const href = safeHref(event.url);
  const name = escapeHtml(event.title);
  return href
    ? `<a class="p-name u-url" href="${escapeHtml(href)}">${name}</a>`
    : `<${tag} class="p-name">${name}</${tag}>`;
}

function descriptionHtml(description: string): string {
  const paragraphs = description
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return '';
  if (paragraphs.length === 1)
    return `<p class="p-summary">${escapeHtml(paragraphs[0]!).replace(/\n/g, '<br>')}</p>`;
  const body = paragraphs
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
  return `<div class="e-content">${body}</div>`;
}

/** An event block for a post: name, when and where, and the description. */
export function eventBlockHtml(event: EventForHtml): string {
  return (
    `<div class="h-event">` +
    `<p>${event.url ? `<strong>${nameHtml(event, 'span')}</strong>` : nameHtml(event, 'strong')}<br>${eventLineHtml(event)}</p>` +
    descriptionHtml(event.description) +
    `</div>`
  );
}

/** "Upcoming events": an h-feed with one h-event list item per occurrence, in date order. */
export function upcomingEventsHtml(
  occurrences: { event: EventForHtml; start: string; end: string | null }[],
  heading = 'Upcoming events',
): string {
  const items = occurrences
    .map(
      (occurrence) =>
        `<li class="h-event">${nameHtml(occurrence.event, 'strong')}: ${eventLineHtml(occurrence.event, occurrence.start, occurrence.end)}</li>`,
    )
    .join('');
  return `<div class="h-feed"><h3 class="p-name">${escapeHtml(heading)}</h3><ul>${items}</ul></div>`;
}
