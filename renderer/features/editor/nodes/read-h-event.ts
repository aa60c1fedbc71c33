import type { EventForHtml } from '../../../../shared/events/event-html';
import { isLocalIso } from '../../../../shared/events/local-date';
import { browserTimeZone } from '../../calendar/event-form';

/** `2009-11-25T09:30:00+00:00` → `2009-11-25T09:30` (the wall clock the post shows); a date stays a date. */
function localOf(datetime: string | null | undefined): string | null {
  const local = datetime ? datetime.slice(0, datetime.length > 10 ? 16 : 10) : null;
  return local && isLocalIso(local) ? local : null;
}

/**
 * An h-event element back into an event block's data (HTML view, drafts made from HTML). Null when
 * it has no name or no readable dt-start, so a stray class never turns text into a broken block.
 */
export function readHEvent(element: Element): EventForHtml | null {
  const name = element.querySelector('.p-name')?.textContent?.trim();
  const start = localOf(element.querySelector('.dt-start')?.getAttribute('datetime'));
  if (!name || !start) return null;
  const end = localOf(element.querySelector('.dt-end')?.getAttribute('datetime'));
  const summary = element.querySelector('.p-summary');
  const content = element.querySelector('.e-content');
  const description = summary
    ? (summary.textContent ?? '')
    : content
      ? Array.from(content.querySelectorAll('p'), (paragraph) => paragraph.textContent ?? '').join('\n\n')
      : '';
  return {
    title: name,
    start,
    end: end && end.length === start.length && end > start ? end : null,
    allDay: start.length === 10,
    timeZone: browserTimeZone(),
    location: element.querySelector('.p-location')?.textContent?.trim() ?? '',
    url: element.querySelector('a.u-url')?.getAttribute('href') ?? '',
    description: description.trim(),
  };
}
