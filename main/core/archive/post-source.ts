import type { ArchivedPost } from '../../../shared/model/archive';
import { webUrl } from '../../../shared/net/safe-link';
import { startTags } from '../html/start-tags';

/** Where a pull stands in a blog's list of posts: kept in pull.json, so a stopped pull goes on from it. */
export type PullCursor = Record<string, string | number | null>;

/** One protocol's way of listing a blog's posts, a page at a time. */
export interface PostSource {
  readonly first: PullCursor;
  /**
   * The page at `cursor` and the cursor of the next (null when the pull is through). `since`: the
   * last complete pull's mark; a source that lists by modification date stops at older posts.
   */
  page(cursor: PullCursor, since: string | null): Promise<{ posts: ArchivedPost[]; next: PullCursor | null }>;
}

/** The media a post refers to: images, video and audio in its body, and `extra` (featured image, photos). */
export function mediaOf(html: string, extra: string[]): string[] {
  const found = new Set<string>();
  for (const tag of startTags(html, ['img', 'video', 'audio', 'source'])) {
    const url = webUrl(tag.attributes.src ?? '');
    if (url) found.add(url);
  }
  for (const raw of extra) {
    const url = webUrl(raw);
    if (url) found.add(url);
  }
  return [...found].slice(0, 500);
}
