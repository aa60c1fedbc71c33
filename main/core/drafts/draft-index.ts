import type { Draft, DraftSummary, RemotePost } from '../../../shared/model/draft';
import { countWords, foldForSearch, htmlToText, leadingText, snippetOf } from './draft-text';

/**
 * One draft in the index: its list row, the few fields a save keeps from the previous version, and
 * the stamp (draft.json's modification time) that says which version of it the entry was built from.
 */
export interface IndexEntry extends DraftSummary {
  createdAt: string;
  statusMessage: string | null;
  remote: RemotePost | null;
  stamp: string;
}

export function entryOf(draft: Draft, stamp: string): IndexEntry {
  return {
    id: draft.id,
    title: draft.title,
    snippet: snippetOf(leadingText(draft.html, 160)),
    updatedAt: draft.updatedAt,
    publishAt: draft.publishAt,
    status: draft.status,
    wordCount: draft.wordCount,
    trashedAt: draft.trashedAt,
    ...(draft.featuredImage ? { featuredImage: draft.featuredImage } : {}),
    createdAt: draft.createdAt,
    statusMessage: draft.statusMessage,
    remote: draft.remote,
    stamp,
  };
}

/** What search looks in: the title and the body's text, lower case and without accents. */
export function searchTextOf(title: string, bodyText: string): string {
  return `${foldForSearch(title)}\n${foldForSearch(bodyText)}`;
}

/** Off the autosave path, which takes the count the editor already shows. */
export function wordCountOf(html: string): number {
  return countWords(htmlToText(html));
}
