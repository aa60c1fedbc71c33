import * as z from 'zod';

/** Where the background fetch of a link's title and description stands; the row shows it. */
export const FETCH_STATES = ['none', 'pending', 'fetching', 'done', 'failed'] as const;
export type FetchState = (typeof FETCH_STATES)[number];

export interface LinkMetadata {
  title: string;
  description: string;
  siteName: string;
  /** The page's own idea of its address (rel=canonical or og:url), http(s) only. */
  canonicalUrl: string;
}

/** A link in the inbox. Title, description (the quote), comment and tags are the author's text. */
export interface Bookmark {
  id: string;
  url: string;
  /** The URL normalised for duplicate detection (see shared/inbox/normalize-url.ts). */
  key: string;
  title: string;
  description: string;
  comment: string;
  tags: string[];
  /** When the link arrived (ISO 8601); digests select by it. */
  addedAt: string;
  updatedAt: string;
  archived: boolean;
  /** The drafts (digests) that used this link. */
  usedIn: string[];
  /** Set while the link is deleted but still restorable (undo). */
  deletedAt: string | null;
  fetch: { state: FetchState; message: string | null; at: string | null };
  /** What the page said about itself, when it was fetched. */
  meta: LinkMetadata | null;
}

const text = (max: number) => z.string().max(max);
export const tagSchema = z.string().trim().min(1).max(200);

/** A link as it arrives: only the URL is needed. */
export const newLinkSchema = z
  .object({
    url: z.string().trim().min(1).max(8192),
    title: text(2000).optional(),
    description: text(20_000).optional(),
    comment: text(20_000).optional(),
    tags: z.array(tagSchema).max(200).optional(),
    addedAt: z.string().datetime({ offset: true }).optional(),
    archived: z.boolean().optional(),
  })
  .strict();
export type NewLink = z.infer<typeof newLinkSchema>;

export const bookmarkPatchSchema = z
  .object({
    title: text(2000).optional(),
    description: text(20_000).optional(),
    comment: text(20_000).optional(),
    tags: z.array(tagSchema).max(200).optional(),
    /** Re-dated: the link moves to another day, and so to that day's digest period. */
    addedAt: z.string().datetime({ offset: true }).optional(),
  })
  .strict();
export type BookmarkPatch = z.infer<typeof bookmarkPatchSchema>;

export const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, like 2009-11-08');

export const inboxFilterSchema = z
  .object({
    tag: tagSchema.optional(),
    /** Inclusive days (YYYY-MM-DD) in the author's time zone. */
    from: dayString.optional(),
    to: dayString.optional(),
    used: z.enum(['all', 'used', 'unused']).default('all'),
    archived: z.enum(['active', 'archived', 'all']).default('active'),
    query: z.string().max(500).optional(),
  })
  .strict();
export type InboxFilter = z.input<typeof inboxFilterSchema>;

export interface AddResult {
  /** Every link of the request that is now in the inbox, new or merged, in request order. */
  bookmarks: Bookmark[];
  added: number;
  merged: number;
  rejected: { url: string; reason: string }[];
}

export const IMPORT_FORMATS = [
  'netscape',
  'pinboard-json',
  'pocket-html',
  'pocket-csv',
  'postwright-json',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportResult {
  format: ImportFormat;
  added: number;
  merged: number;
  skipped: { url: string; reason: string }[];
}

/** What the inbox view hears about: changed rows, removed rows, or "reload everything" after an import. */
export interface InboxChange {
  upserted: Bookmark[];
  removed: string[];
  reload: boolean;
}

export interface MetadataProgress {
  queued: number;
  active: number;
}

export interface TagCount {
  tag: string;
  count: number;
}
