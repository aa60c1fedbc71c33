import * as z from 'zod';
import { method } from './define';
import {
  bookmarkPatchSchema,
  dayString,
  inboxFilterSchema,
  newLinkSchema,
  type AddResult,
  type Bookmark,
  type ImportResult,
  type InboxChange,
  type MetadataProgress,
  type TagCount,
} from '../model/bookmark';

const id = z.string().min(1).max(100);
const ids = z.array(id).min(1).max(20_000);

/** What picks a digest's links and shapes it; the same for the preview and the draft. */
export const digestRequestSchema = z
  .object({
    from: dayString,
    to: dayString,
    /** Link ids in the author's order; links of the range not listed follow, oldest first. */
    order: z.array(id).max(20_000).optional(),
    /** Link ids left out of this digest. */
    excluded: z.array(id).max(20_000).optional(),
    groupByTag: z.boolean().default(false),
    /** A template set's name from the settings; the first set when absent. */
    template: z.string().max(100).optional(),
    /** Include links already used by an earlier digest (left out by default). */
    includeUsed: z.boolean().default(false),
  })
  .strict();

export interface DigestPreview {
  title: string;
  html: string;
  /** The range's links in digest order, the excluded ones included (marked by `excluded`). */
  links: Bookmark[];
  excluded: string[];
  template: string;
}

export interface LastDigestInfo {
  draftId: string;
  from: string;
  to: string;
  createdAt: string;
}

export const inboxMethods = {
  /**
   * One link or many (a drop, a paste); duplicates merge. `awaitMetadata` waits for the page fetch (CLI).
   * `from: 'web-page'` is for links a web page sent (the bookmarklet): their details are fetched only
   * from the public web until the author chooses Retry.
   */
  'inbox-add': method(
    z
      .object({
        links: z.array(newLinkSchema).min(1).max(1000),
        awaitMetadata: z.boolean().default(false),
        from: z.enum(['author', 'web-page']).default('author'),
      })
      .strict(),
  ).returns<AddResult>(),
  /** Every matching link, newest first (the CLI, exports). */
  'inbox-list': method(inboxFilterSchema).returns<Bookmark[]>(),
  /** One window of the matching links, newest first, and how many match: what a scrolling list loads. */
  'inbox-page': method(
    inboxFilterSchema.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
  ).returns<{ total: number; offset: number; links: Bookmark[] }>(),
  'inbox-tags': method(z.object({}).strict()).returns<TagCount[]>(),
  'inbox-update': method(z.object({ id, patch: bookmarkPatchSchema }).strict()).returns<Bookmark>(),
  'inbox-archive': method(z.object({ ids, archived: z.boolean() }).strict()).returns<Bookmark[]>(),
  /** Deletes links, restorable with `inbox-restore` for a day (the Undo). */
  'inbox-delete': method(z.object({ ids }).strict()).returns<number>(),
  'inbox-restore': method(z.object({ ids }).strict()).returns<Bookmark[]>(),
  /** Fetches title and description again (the Retry of a failed fetch). */
  'inbox-refetch': method(z.object({ ids, wait: z.boolean().default(false) }).strict()).returns<Bookmark[]>(),
  /** A bookmark file's text; the format is read from the content. Progress comes as a job. */
  'inbox-import': method(
    z.object({ filename: z.string().min(1).max(500), content: z.string().max(100_000_000) }).strict(),
  ).returns<ImportResult>(),
  /** The inbox (archived links too) as a Netscape bookmark file. */
  'inbox-export': method(z.object({}).strict()).returns<{
    filename: string;
    content: string;
    count: number;
  }>(),
  /** Makes a draft of one link (link, quote, comment) to publish as a bookmark post; marks the link used. */
  'inbox-bookmark-draft': method(z.object({ id }).strict()).returns<{ draftId: string; title: string }>(),
  'digest-preview': method(digestRequestSchema).returns<DigestPreview>(),
  /** Makes an ordinary draft of the digest and marks its links used by that draft. */
  'digest-create': method(digestRequestSchema).returns<{
    draft: { id: string; title: string; html: string };
    used: number;
  }>(),
  'digest-last': method(z.object({}).strict()).returns<LastDigestInfo | null>(),
};

export interface InboxEvents {
  /** Links were added, changed or removed; `reload` asks views to list again (after an import). */
  'inbox-changed': InboxChange;
  /** How many metadata fetches are waiting and running. */
  'inbox-metadata': MetadataProgress;
}
