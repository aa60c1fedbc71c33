import type { Bookmark } from '../../../shared/model/bookmark';
import { escapeHtml } from '../../../shared/digest/escape';

/**
 * The inbox as a Netscape bookmark file, which browsers, Pinboard and Postwright itself import.
 * COMMENT and ARCHIVED are Postwright's own attributes (other readers ignore them) so nothing the
 * author wrote is lost on a round trip.
 */
export function exportNetscape(bookmarks: Bookmark[]): string {
  const lines = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- Exported by Postwright. -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
  ];
  for (const bookmark of bookmarks) {
    const attrs = [
      `HREF="${escapeHtml(bookmark.url)}"`,
      `ADD_DATE="${Math.floor(Date.parse(bookmark.addedAt) / 1000)}"`,
      `LAST_MODIFIED="${Math.floor(Date.parse(bookmark.updatedAt) / 1000)}"`,
      'PRIVATE="0"',
      `TAGS="${escapeHtml(bookmark.tags.map((tag) => tag.replace(/,/g, ' ')).join(','))}"`,
    ];
    if (bookmark.comment) attrs.push(`COMMENT="${escapeHtml(bookmark.comment)}"`);
    if (bookmark.archived) attrs.push('ARCHIVED="1"');
    const title = bookmark.title || bookmark.meta?.title || bookmark.url;
    lines.push(`<DT><A ${attrs.join(' ')}>${escapeHtml(title)}</A>`);
    if (bookmark.description) lines.push(`<DD>${escapeHtml(bookmark.description)}`);
  }
  lines.push('</DL><p>', '');
  return lines.join('\n');
}
