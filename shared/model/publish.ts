import type { MicropubPublishOptions } from './micropub';

/** A piece of work in the outbox: sending a draft to its blog, or deleting a post there. */
export type OutboxAction = 'publish' | 'delete';

/**
 * queued: waiting its turn, or waiting for the network (reason says so) · sending: going out now ·
 * done: the blog has it · failed: it will not go without the author (reason says what to do) ·
 * cancelled: the author took it back before it was sent.
 */
export type OutboxState = 'queued' | 'sending' | 'done' | 'failed' | 'cancelled';

export interface OutboxResult {
  postId: string;
  url: string | null;
  /** As the blog stores it: publish, future (scheduled), draft, trash, deleted. */
  remoteStatus: string | null;
  /** The post's address before this update, when the blog moved it (a new name re-slugs it). */
  movedFrom?: string | null;
  /** What the blog could not be sent (alt text a multipart request cannot carry), said rather than dropped. */
  warnings?: string[];
}

export interface OutboxJob {
  id: string;
  action: OutboxAction;
  blogId: string;
  blogName: string;
  draftId: string | null;
  /** The remote post (known for updates and deletes; filled in once published). */
  postId: string | null;
  title: string;
  /** The author's choices for this publish; unset ones come from the draft. */
  options: { status?: 'draft' | 'publish'; date?: string; micropub?: MicropubPublishOptions };
  state: OutboxState;
  reason: string | null;
  /** For a failed job, the failure's code: `auth-failed` means signing in again is the fix. */
  errorCode?: string | null;
  attempts: number;
  /**
   * When the last attempt started (absent in jobs written before it was kept): a retry leaves a job
   * another process tried after the retry was asked.
   */
  attemptedAt?: string | null;
  /** When the next attempt goes, for a queued job that waits (backoff, offline). */
  nextAttemptAt: string | null;
  /**
   * A request may have reached the blog without its answer reaching us (lost response, crash while
   * sending): before sending again the blog is checked, so the post is never made twice.
   */
  ambiguous: boolean;
  /** Images already uploaded for this job (local src to remote URL), so a retry does not upload them again. */
  uploads: Record<string, string>;
  result: OutboxResult | null;
  createdAt: string;
  updatedAt: string;
}

/** A post on the blog, as "Recent posts" lists it. */
export interface RemotePostSummary {
  blogId: string;
  postId: string;
  title: string;
  url: string | null;
  status: string | null;
  date: string | null;
}
