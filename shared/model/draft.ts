import * as z from 'zod';

/** What the drafts list shows as a badge. */
export const DRAFT_STATUSES = ['draft', 'scheduled', 'published', 'queued', 'failed'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** The post panel's fields: everything about a post except its body. */
export const draftFieldsSchema = z.object({
  title: z.string().max(1000).default(''),
  slug: z.string().max(200).default(''),
  excerpt: z.string().max(10_000).default(''),
  tags: z.array(z.string().min(1).max(200)).max(500).default([]),
  categories: z.array(z.string().min(1).max(200)).max(500).default([]),
  /** The post's date (ISO 8601). A future date schedules the post; null means "when published". */
  publishAt: z.string().datetime({ offset: true }).nullable().default(null),
  /** The blog it goes to, once blogs exist. */
  blogId: z.string().nullable().default(null),
  /** Kept in Markdown (absent: no): the editor opens it as Markdown; a Micropub server that takes Markdown gets it. */
  markdown: z.boolean().optional(),
  /**
   * The featured image: one of the draft's own files (`/drafts/<id>/assets/<name>`). null: the author
   * removed it (the next update removes it from the post); absent: never set.
   */
  featuredImage: z.string().max(1000).nullable().optional(),
});
export type DraftFields = z.infer<typeof draftFieldsSchema>;

/** The fields of a new, empty draft: a fresh object (and fresh lists) on every call. */
export function blankDraftFields(): DraftFields {
  return draftFieldsSchema.parse({});
}

/** Where a draft lives on a blog once published (or pulled down from one). */
export const remotePostSchema = z.object({
  blogId: z.string(),
  postId: z.string(),
  url: z.string().nullable(),
  /** As the blog reported it: 'publish', 'draft', 'future', ... */
  remoteStatus: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type RemotePost = z.infer<typeof remotePostSchema>;

/** A draft as saved: the fields, the Lexical state for editing and the HTML rendition for the rest. */
export interface Draft extends DraftFields {
  id: string;
  /** Serialized Lexical editor state (JSON text); null for drafts made from HTML (CLI, import, digest). */
  editorState: string | null;
  /** The body as HTML: what is published, exported and searched. A "more" break is `<!--more-->`. */
  html: string;
  createdAt: string;
  updatedAt: string;
  status: DraftStatus;
  /** Why the last publish failed, for the "failed" badge. */
  statusMessage: string | null;
  remote: RemotePost | null;
  wordCount: number;
  trashedAt: string | null;
}

/** A row of the drafts list: enough to show it without reading the draft. */
export interface DraftSummary {
  id: string;
  title: string;
  /** The first words of the body, as plain text. */
  snippet: string;
  updatedAt: string;
  publishAt: string | null;
  status: DraftStatus;
  wordCount: number;
  trashedAt: string | null;
  /** The featured image's src, shown as the row's thumbnail (absent or null: none). */
  featuredImage?: string | null;
}

/** What the editor sends on save. */
export const draftSaveSchema = draftFieldsSchema.extend({
  id: z.string().min(1).max(100),
  editorState: z.string().max(50_000_000).nullable(),
  html: z.string().max(50_000_000),
  /**
   * The editor counts words for its footer anyway; sending that count keeps the list and the footer
   * in agreement and keeps a second count of a long body off the save path. Without it (CLI,
   * imports) the library counts the HTML. Named apart from Draft's own wordCount so that a saved
   * draft spread into a save never carries its old count.
   */
  editorWordCount: z.number().int().min(0).max(50_000_000).optional(),
});
export type DraftSave = z.infer<typeof draftSaveSchema>;

export interface DraftRevision {
  id: string;
  savedAt: string;
  title: string;
  wordCount: number;
}
