import { format } from 'date-fns';
import type { Bookmark } from '../model/bookmark';
import type { DigestTemplate } from '../model/digest-template';
import { displayTitle, startOfLocalDay } from '../inbox/filter';
import { sameText } from '../inbox/merge';
import { escapeHtml } from './escape';
import { fillTemplate } from './fill-template';

export interface DigestRequest {
  template: DigestTemplate;
  /** Inclusive days, YYYY-MM-DD, in the author's time zone. */
  from: string;
  to: string;
  /** In the order they appear. */
  items: Bookmark[];
  groupByTag: boolean;
}

export interface RenderedDigest {
  /** Plain text: the draft's title. */
  title: string;
  /** The post body. */
  html: string;
}

export class DigestTemplateError extends Error {}

/** Formats a date with the template's date-fns pattern, or says in a sentence why the pattern is wrong. */
export function formatDigestDate(date: Date, pattern: string): string {
  try {
    return format(date, pattern);
  } catch (error) {
    throw new DigestTemplateError(
      `The date format "${pattern}" is not one Postwright understands (${(error as Error).message}). ` +
        'Try "MMMM do" for "November 5th".',
    );
  }
}

const UNTAGGED = 'Other links';

/** Builds a digest's title and body from its links; every piece of the links' text is escaped. */
export function renderDigest(request: DigestRequest): RenderedDigest {
  const { template } = request;
  const start = formatDigestDate(new Date(startOfLocalDay(request.from)), template.dateFormat);
  const end = formatDigestDate(new Date(startOfLocalDay(request.to)), template.dateFormat);
  const rangeValues = {
    start,
    end,
    year: String(new Date(startOfLocalDay(request.to)).getFullYear()),
    count: String(request.items.length),
  };
  const title = fillTemplate(template.title, rangeValues).trim();
  const escapedRange = Object.fromEntries(Object.entries(rangeValues).map(([k, v]) => [k, escapeHtml(v)]));
  const intro = fillTemplate(template.intro, escapedRange);

  const item = (bookmark: Bookmark) =>
    fillTemplate(template.item, {
      title: escapeHtml(displayTitle(bookmark)),
      url: escapeHtml(bookmark.url),
      description: escapeHtml(bookmark.description.trim()),
      // Links merged before a comment and a quote were told apart may hold the same words twice.
      comment: sameText(bookmark.description, bookmark.comment) ? '' : escapeHtml(bookmark.comment.trim()),
      tags: escapeHtml(bookmark.tags.join(', ')),
      date: escapeHtml(formatDigestDate(new Date(bookmark.addedAt), template.dateFormat)),
      site: escapeHtml(bookmark.meta?.siteName ?? ''),
    });

  let items: string;
  if (request.groupByTag) {
    const groups = new Map<string, Bookmark[]>();
    for (const bookmark of request.items) {
      const tag = bookmark.tags[0] ?? UNTAGGED;
      groups.set(tag, [...(groups.get(tag) ?? []), bookmark]);
    }
    // Untagged links go last, after the tags in the order they first appear.
    const ordered = [...groups.entries()].sort(([a], [b]) => Number(a === UNTAGGED) - Number(b === UNTAGGED));
    items = ordered
      .map(([tag, links]) =>
        fillTemplate(template.group, { tag: escapeHtml(tag), items: links.map(item).join('\n') }),
      )
      .join('\n');
  } else {
    items = request.items.map(item).join('\n');
  }
  return { title, html: fillTemplate(template.body, { ...escapedRange, intro, items }) };
}
