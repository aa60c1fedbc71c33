import { CoreFailure } from '../../../../shared/contract/errors';
import type { ImportFormat, NewLink } from '../../../../shared/model/bookmark';
import { parseNetscape } from './netscape';
import { parsePinboardJson, parsePostwrightJson } from './pinboard-json';
import { parsePocketCsv, parsePocketHtml } from './pocket';

export interface ParsedImport {
  format: ImportFormat;
  links: NewLink[];
  /** Entries that were not links at all (not counted as refused URLs). */
  unreadable: number;
}

/** Works out the format from the content itself (the file name may lie or be missing). */
export function parseImport(content: string, filename: string): ParsedImport {
  const text = content.replace(/^\ufeff/, '');
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(start);
    } catch {
      throw new CoreFailure(
        'invalid-args',
        `${filename} looks like JSON but cannot be read: it may be cut short.`,
      );
    }
    const entries = Array.isArray(data) ? data : ((data as { bookmarks?: unknown }).bookmarks ?? null);
    if (!Array.isArray(entries)) {
      throw new CoreFailure('invalid-args', `${filename} is JSON but holds no list of links.`);
    }
    const sample = entries.find((entry) => entry && typeof entry === 'object') as
      Record<string, unknown> | undefined;
    if (sample && 'href' in sample) {
      const { links, skipped } = parsePinboardJson(entries);
      return { format: 'pinboard-json', links, unreadable: skipped };
    }
    const { links, skipped } = parsePostwrightJson(entries);
    return { format: 'postwright-json', links, unreadable: skipped };
  }
  if (/^\s*"?title"?\s*,\s*"?url"?\s*,/i.test(start)) {
    return { format: 'pocket-csv', links: parsePocketCsv(text), unreadable: 0 };
  }
  if (/<!DOCTYPE\s+NETSCAPE-Bookmark-file/i.test(start) || /<dt>\s*<a\s/i.test(text)) {
    return { format: 'netscape', links: parseNetscape(text), unreadable: 0 };
  }
  if (/<title>\s*Pocket Export/i.test(text) || /<a\s[^>]*time_added=/i.test(text)) {
    return { format: 'pocket-html', links: parsePocketHtml(text), unreadable: 0 };
  }
  throw new CoreFailure(
    'invalid-args',
    `${filename} is not a bookmark file Postwright knows. Export bookmarks from your browser, Pinboard or Pocket ` +
      '(HTML, JSON or CSV) and import that file.',
  );
}
