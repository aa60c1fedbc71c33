import type { Draft, DraftSummary, RemotePost } from '../../../shared/model/draft';
import { countWords, foldForSearch, htmlToText, leadingText, snippetOf } from './draft-text';

/** The version of index.json and the search shards; any other version is rebuilt from the drafts. */
export const INDEX_FORMAT_VERSION = 1;
export const SEARCH_SHARDS = 64;

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

export interface IndexFile {
  formatVersion: number;
  entries: IndexEntry[];
}

/** A shard of the search index: lower-case, accent-free title and body text of the drafts hashed to it. */
export interface SearchShardFile {
  formatVersion: number;
  entries: Record<string, { stamp: string; text: string }>;
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
    createdAt: draft.createdAt,
    statusMessage: draft.statusMessage,
    remote: draft.remote,
    stamp,
  };
}

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
  };
}

export function searchTextOf(title: string, bodyText: string): string {
  return `${foldForSearch(title)}\n${foldForSearch(bodyText)}`;
}

/** Off the autosave path, which takes the count the editor already shows. */
export function wordCountOf(html: string): number {
  return countWords(htmlToText(html));
}

/** FNV-1a: spreads ids over the shards so a save rewrites one small shard, not the whole search index. */
export function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SEARCH_SHARDS;
}

/** Newest edit first; the id breaks ties so the order is stable. */
export function compareEntries(a: IndexEntry, b: IndexEntry): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
