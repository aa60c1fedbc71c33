import type { DraftSummary } from './draft';

/** One post of a blog as the offline archive keeps it (docs/data.md, "The blog archive"). */
export interface ArchivedPost {
  blogId: string;
  /** The blog's own id for it: MetaWeblog's post id, or the post's URL on Micropub. */
  postId: string;
  /** `post` or `page` (WordPress), `h-entry` or `h-event` (Micropub). */
  type: string;
  url: string | null;
  title: string;
  /** The body as the blog sent it; sanitised when it is shown. */
  html: string;
  excerpt: string;
  slug: string;
  tags: string[];
  categories: string[];
  /** As the blog stores it: publish, future, draft, pending, private. */
  status: string;
  publishedAt: string | null;
  /** When the blog last changed it, where the API says (WordPress); null elsewhere. */
  modifiedAt: string | null;
  /** The images and other files the post refers to (its body, featured image, photos). */
  media: string[];
  pulledAt: string;
}

/** Where a whole-blog pull stands: what it has seen and written so far, and what it expects. */
export interface ArchivePullResult {
  blogId: string;
  /** Posts the blog sent in this pull (an incremental pull stops at what it has). */
  seen: number;
  /** Posts new or changed since the last pull, written to the archive. */
  changed: number;
  /** Posts of this blog in the archive after it. */
  total: number;
  /** False when cancelled or stopped: the next pull goes on from where this one stopped. */
  complete: boolean;
  /** This pull went on from one that had stopped (killed, cancelled, offline). */
  resumed: boolean;
  /** The posts' images, when the pull was asked to download them; else null. */
  images: ArchiveImages | null;
}

/** The images of a pull that downloads them into the archive. */
export interface ArchiveImages {
  /** Downloaded by this pull. */
  saved: number;
  /** On disk already from an earlier pull. */
  kept: number;
  /** Not kept this time (refused, missing, not an image, too big, offline): asked for again next time. */
  failed: number;
}

/** A row of a search over the drafts and the archive. */
export interface SearchHit extends DraftSummary {
  kind: 'draft' | 'published';
  /** The blog and post of an archived post; null for a draft. */
  blogId: string | null;
  postId: string | null;
  url: string | null;
}

export const SEARCH_SCOPES = ['drafts', 'published', 'both'] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];

/**
 * Where the hosts serve an image a pull downloaded into the archive, so an archived post shows its
 * images with the network off: `/archive/<blog id>/media/<file>`, the file named as the pull names it.
 */
export const ARCHIVE_IMAGE_PATH =
  /^\/archive\/([a-z0-9][a-z0-9-]{0,99})\/media\/([0-9a-f]{32}\.(?:jpg|png|gif|webp|avif))$/i;

export function archiveImageSrc(blogId: string, fileName: string): string {
  return `/archive/${blogId}/media/${fileName}`;
}
