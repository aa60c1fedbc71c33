import type { Bookmark } from '../../../shared/model/bookmark';
import type { DigestSchedule } from '../../../shared/model/digest-schedule';

export interface PickedLinks {
  /** The digest's links, oldest first. */
  chosen: Bookmark[];
  /** The days' other links: of other tags, or past the maximum. */
  excluded: string[];
  /** How many of the schedule's tags were left out for the maximum (they stay unused). */
  leftOut: number;
}

function oldestFirst(a: Bookmark, b: Bookmark): number {
  return a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1;
}

/** A period's unused links as its schedule takes them: its tags only, the oldest first, up to its maximum. */
export function pickLinks(
  links: Bookmark[],
  schedule: Pick<DigestSchedule, 'tags' | 'maxLinks'>,
): PickedLinks {
  const wanted = new Set(schedule.tags.map((tag) => tag.toLowerCase()));
  const matching = links
    .filter((link) => wanted.size === 0 || link.tags.some((tag) => wanted.has(tag.toLowerCase())))
    .sort(oldestFirst);
  const chosen = matching.slice(0, schedule.maxLinks);
  const taken = new Set(chosen.map((link) => link.id));
  return {
    chosen,
    excluded: links.filter((link) => !taken.has(link.id)).map((link) => link.id),
    leftOut: matching.length - chosen.length,
  };
}
