import type { Blog } from '../../../shared/model/blog';
import type { Draft, DraftFields } from '../../../shared/model/draft';
import type { OutboxJob, RemotePostSummary } from '../../../shared/model/publish';

export interface PublishContext {
  job: OutboxJob;
  draft: Draft;
  blog: Blog;
  signal: AbortSignal;
  /** Keeps an uploaded image's URL in the journal, so a retry does not upload it again. */
  recordUpload(src: string, url: string): Promise<void>;
  progress(message: string): void;
}

export interface PublishedPost {
  postId: string;
  url: string | null;
  /** publish, future (scheduled) or draft, as the blog stores it. */
  remoteStatus: string;
  /** The post's date as the blog has it (ISO), or null. */
  publishedAt: string | null;
  /** The address the post had before this update, when the blog moved it. */
  movedFrom?: string | null;
  /** Parts of the draft the blog could not be sent, in sentences for the author. */
  warnings?: string[];
}

/** A post on the blog made into local draft fields, for "pull". */
export interface PulledPost {
  fields: Partial<DraftFields>;
  html: string;
  post: PublishedPost;
  /** The post's featured image where the blog has one: its address and (WordPress) attachment id. */
  featured?: { url: string; mediaId: string | null };
}

/**
 * One protocol's way of publishing. The outbox owns journaling, retries, dedupe decisions and draft
 * status; a publisher only talks to the blog. Failures are thrown as PublishError.
 */
export interface Publisher {
  create(context: PublishContext): Promise<PublishedPost>;
  update(context: PublishContext, postId: string): Promise<PublishedPost>;
  /** After an ambiguous failure: the post this job already made, if the blog has it; else null. */
  findExisting(context: PublishContext): Promise<string | null>;
  /** Deletes the post; when `checkFirst`, a post already gone counts as deleted. */
  delete(
    blog: Blog,
    postId: string,
    options: { signal: AbortSignal; checkFirst: boolean },
  ): Promise<{ remoteStatus: string }>;
  recent(blog: Blog, limit: number, signal: AbortSignal): Promise<RemotePostSummary[]>;
  fetch(blog: Blog, postId: string, signal: AbortSignal): Promise<PulledPost>;
}

export type Publishers = Partial<Record<Blog['protocol'], Publisher>>;
