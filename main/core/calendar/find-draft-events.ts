import { extractEvents, type FoundEvent } from '../../../shared/events/extract-events';
import { formatLocal } from '../../../shared/events/local-date';
import type { Settings } from '../../../shared/model/settings';
import { htmlToText } from '../drafts/draft-text';

/** Event blocks the author inserted (an h-event, an upcoming-events h-feed) are not events to find again. */
const isEventBlock = (_name: string, attributes: Record<string, string>) =>
  /(?:^|\s)h-(?:event|feed)(?:\s|$)/.test(attributes.class ?? '');

/** A local day of an instant, in the zone the core runs in. */
export function localDayOf(at: Date): string {
  return formatLocal({ year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate() }, false);
}

/**
 * The one detector of events in a post, for the CLI (a saved draft) and the app (the open editor's
 * body): the body's prose, without its event blocks, read against the post's date or, for a post not
 * dated yet, today.
 */
export function findDraftEvents(
  html: string,
  options: { postDate: string | null; today: Date; dateOrder: Settings['dateOrder'] },
): FoundEvent[] {
  return extractEvents(htmlToText(html, isEventBlock), {
    postDate: options.postDate,
    today: localDayOf(options.today),
    dateOrder: options.dateOrder,
  });
}
