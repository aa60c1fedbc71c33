import type { Element, ElementContent } from 'hast';
import { eventBlockHtml, upcomingEventsHtml, type EventForHtml } from '../events/event-html';
import { isLocalIso } from '../events/local-date';
import { formatOffset, toIsoWithOffset } from '../events/time-zone';

/**
 * The Markdown form of the calendar's blocks: a fenced block whose info string is `event` (one
 * event) or `events` (an "Upcoming events" list), holding `name: value` lines. Times are local, with
 * the offset the post's HTML carries (`2009-11-25 09:30 +00:00`); without one, the computer's own
 * time zone. An event's description follows its fields after a blank line.
 *
 * ```event
 * title: Learning Pool breakfast
 * start: 2009-11-25 09:30 +00:00
 * end: 2009-11-25 12:30 +00:00
 * location: Brighton and Hove Council
 *
 * Speakers include Tracey Hughes.
 * ```
 */

export type UpcomingOccurrence = { event: EventForHtml; start: string; end: string | null };

const FIELDS = ['title', 'start', 'end', 'location', 'url'] as const;
type Field = (typeof FIELDS)[number];

function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

// --- reading the HTML -------------------------------------------------------------------------

function classesOf(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function find(nodes: ElementContent[], className: string): Element | null {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (classesOf(node).includes(className)) return node;
    const inside = find(node.children, className);
    if (inside) return inside;
  }
  return null;
}

/** Text as the reader sees it, a `<br>` as a line break. */
function textOf(nodes: ElementContent[]): string {
  return nodes
    .map((node) =>
      node.type === 'text'
        ? node.value
        : node.type === 'element'
          ? node.tagName === 'br'
            ? '\n'
            : textOf(node.children)
          : '',
    )
    .join('');
}

/** `2009-11-25T09:30:00+00:00` → local `2009-11-25T09:30` and offset `+00:00`; a date stays a date. */
function splitDatetime(value: unknown): { local: string; offset: string | null } | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::00)?([+-]\d{2}:\d{2}|Z)?)?$/.exec(value);
  if (!match) return null;
  const local = match[2] ? `${match[1]}T${match[2]}` : match[1]!;
  if (!isLocalIso(local)) return null;
  return { local, offset: match[3] === 'Z' ? '+00:00' : (match[3] ?? null) };
}

/** A time zone in which `local` has `offset`, so the block is written again with the same datetime. */
function zoneWithOffset(local: string, offset: string | null): string | null {
  if (!local.includes('T')) return machineTimeZone();
  if (offset === null) return null;
  const hours = Number(offset.slice(0, 3));
  const candidates = [machineTimeZone(), 'UTC'];
  if (offset.endsWith(':00') && hours !== 0)
    candidates.push(`Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`);
  return candidates.find((zone) => toIsoWithOffset(local, zone).endsWith(offset)) ?? null;
}

interface ReadEvent {
  event: EventForHtml;
}

function readEvent(element: Element): ReadEvent | null {
  const name = find(element.children, 'p-name');
  const startTime = find(element.children, 'dt-start');
  const endTime = find(element.children, 'dt-end');
  const start = splitDatetime(startTime?.properties.dateTime);
  if (!name || !start) return null;
  const end = endTime ? splitDatetime(endTime.properties.dateTime) : null;
  if (endTime && !end) return null;
  const timeZone = zoneWithOffset(start.local, start.offset);
  if (!timeZone) return null;
  const link = find(element.children, 'u-url');
  const summary = find(element.children, 'p-summary');
  const content = find(element.children, 'e-content');
  const description = summary
    ? textOf(summary.children)
    : content
      ? content.children
          .map((paragraph) => (paragraph.type === 'element' ? textOf(paragraph.children) : ''))
          .join('\n\n')
      : '';
  return {
    event: {
      title: textOf(name.children),
      start: start.local,
      end: end?.local ?? null,
      allDay: !start.local.includes('T'),
      timeZone,
      location: textOf(find(element.children, 'p-location')?.children ?? []),
      url: typeof link?.properties.href === 'string' ? link.properties.href : '',
      description,
    },
  };
}

/** An h-event block as the calendar writes it, read back; null when it is not one. */
export function readEventBlock(div: Element): EventForHtml | null {
  return classesOf(div).includes('h-event') ? (readEvent(div)?.event ?? null) : null;
}

/** An "Upcoming events" h-feed as the calendar writes it, read back; null when it is not one. */
export function readUpcomingBlock(div: Element): { heading: string; items: UpcomingOccurrence[] } | null {
  if (!classesOf(div).includes('h-feed')) return null;
  const heading = find(div.children, 'p-name');
  const list = div.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'ul',
  );
  if (!heading || !list) return null;
  const items: UpcomingOccurrence[] = [];
  for (const item of list.children) {
    if (item.type !== 'element') continue;
    const read = readEvent(item);
    if (!read) return null;
    items.push({ event: read.event, start: read.event.start, end: read.event.end });
  }
  return items.length ? { heading: textOf(heading.children), items } : null;
}

// --- writing the fence ------------------------------------------------------------------------

function timeText(local: string, event: Pick<EventForHtml, 'allDay' | 'timeZone'>): string {
  if (event.allDay) return local.slice(0, 10);
  const iso = toIsoWithOffset(local, event.timeZone);
  return `${local.replace('T', ' ')} ${iso.slice(-6)}`;
}

function fieldLines(event: EventForHtml, start: string, end: string | null): string[] {
  const lines = [`title: ${event.title}`, `start: ${timeText(start, event)}`];
  if (end) lines.push(`end: ${timeText(end, event)}`);
  if (event.location) lines.push(`location: ${event.location}`);
  if (event.url) lines.push(`url: ${event.url}`);
  return lines;
}

export function eventFence(event: EventForHtml): string {
  const lines = fieldLines(event, event.start, event.end);
  return event.description ? `${lines.join('\n')}\n\n${event.description}` : lines.join('\n');
}

export function upcomingFence(heading: string, items: UpcomingOccurrence[]): string {
  return [
    `heading: ${heading}`,
    ...items.map((item) => fieldLines(item.event, item.start, item.end).join('\n')),
  ].join('\n\n');
}

// --- reading the fence ------------------------------------------------------------------------

/** `2009-11-25 09:30 +01:00`, `2009-11-25T09:30` or `2009-11-25` → local ISO and a time zone. */
function parseTime(text: string): { local: string; timeZone: string | null } | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}[:.]\d{2})(?:\s*([+-]\d{2}:?\d{2}|Z))?)?$/.exec(
    text.trim(),
  );
  if (!match) return null;
  const time = match[2]?.replace('.', ':').padStart(5, '0');
  const local = time ? `${match[1]}T${time}` : match[1]!;
  if (!isLocalIso(local)) return null;
  if (!match[3]) return { local, timeZone: time ? null : machineTimeZone() };
  const offset = match[3] === 'Z' ? '+00:00' : formatOffset(offsetOf(match[3]));
  return { local, timeZone: zoneWithOffset(local, offset) };
}

function offsetOf(text: string): number {
  const digits = text.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith('-') ? -minutes : minutes;
}

function parseFields(block: string): Partial<Record<Field | 'heading', string>> | null {
  const fields: Partial<Record<Field | 'heading', string>> = {};
  for (const line of block.split('\n')) {
    const match = /^([a-z]+):\s?(.*)$/.exec(line);
    if (!match || !([...FIELDS, 'heading'] as string[]).includes(match[1]!)) return null;
    fields[match[1] as Field] = match[2]!.trim();
  }
  return fields;
}

function eventOf(
  fields: Partial<Record<Field | 'heading', string>>,
  description: string,
): EventForHtml | null {
  const start = fields.start ? parseTime(fields.start) : null;
  if (!fields.title || !start) return null;
  const end = fields.end ? parseTime(fields.end) : null;
  if (fields.end && (!end || end.local.length !== start.local.length || end.local <= start.local))
    return null;
  const timeZone = start.timeZone ?? machineTimeZone();
  return {
    title: fields.title,
    start: start.local,
    end: end?.local ?? null,
    allDay: !start.local.includes('T'),
    timeZone,
    location: fields.location ?? '',
    url: fields.url ?? '',
    description,
  };
}

/** The HTML of an `event` or `events` fence; null when it does not read as one (it stays a code block). */
export function fenceToHtml(kind: string, body: string): string | null {
  const blocks = body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  if (kind === 'event') {
    const fields = parseFields(blocks[0] ?? '');
    const event = fields && eventOf(fields, blocks.slice(1).join('\n\n').trim());
    return event ? eventBlockHtml(event) : null;
  }
  if (kind === 'events') {
    const head = parseFields(blocks[0] ?? '');
    if (!head?.heading) return null;
    const items: UpcomingOccurrence[] = [];
    for (const block of blocks.slice(1)) {
      const fields = parseFields(block);
      const event = fields && eventOf(fields, '');
      if (!event) return null;
      items.push({ event, start: event.start, end: event.end });
    }
    return items.length ? upcomingEventsHtml(items, head.heading) : null;
  }
  return null;
}
