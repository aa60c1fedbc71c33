import { escapeHtml } from '../digest/escape';
import type { Bookmark } from '../model/bookmark';
import { displayTitle } from './filter';

/**
 * A single link as a post: the link first (Micropub's bookmark-of is the post's first link), then the
 * quote and the author's comment. All of it is the link's text, escaped.
 */
export function bookmarkPostHtml(bookmark: Bookmark): string {
  const parts = [`<p><a href="${escapeHtml(bookmark.url)}">${escapeHtml(displayTitle(bookmark))}</a></p>`];
  if (bookmark.description.trim())
    parts.push(`<blockquote><p>${escapeHtml(bookmark.description.trim())}</p></blockquote>`);
  if (bookmark.comment.trim()) parts.push(`<p>${escapeHtml(bookmark.comment.trim())}</p>`);
  return parts.join('\n');
}
