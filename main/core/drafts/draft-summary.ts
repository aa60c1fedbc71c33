import type { DraftSummary } from '../../../shared/model/draft';
import type { IndexEntry } from './draft-index';

/**
 * The list row of an index entry. Apart from draft-index.ts, whose text functions load the HTML
 * parser: the CLI's `drafts list` reads rows from the index and never parses a body.
 */
export function summaryOf(entry: IndexEntry): DraftSummary {
  return {
    id: entry.id,
    title: entry.title,
    snippet: entry.snippet,
    updatedAt: entry.updatedAt,
    publishAt: entry.publishAt,
    status: entry.status,
    wordCount: entry.wordCount,
    trashedAt: entry.trashedAt,
    ...(entry.featuredImage ? { featuredImage: entry.featuredImage } : {}),
  };
}
