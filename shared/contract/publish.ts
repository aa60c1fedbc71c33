import * as z from 'zod';
import { method } from './define';
import type { Draft } from '../model/draft';
import { micropubPublishOptionsSchema } from '../model/micropub';
import type { OutboxJob, RemotePostSummary } from '../model/publish';

const id = z.string().min(1).max(100);

/** Each protocol may add its own options (Micropub: post type, syndication) to this object. */
export const publishArgsSchema = z
  .object({
    draftId: id,
    /** Defaults to the draft's blog, else the only blog. */
    blogId: id.optional(),
    status: z.enum(['draft', 'publish']).optional(),
    /** The post's date; a future one schedules it. Defaults to the draft's date, else "now". */
    date: z.string().datetime({ offset: true }).optional(),
    /** Micropub blogs: post type, encoding, syndication targets. */
    micropub: micropubPublishOptionsSchema.optional(),
  })
  .strict();

export const publishMethods = {
  /**
   * Journals the publish in the outbox, then makes the first attempt. Answers with the job as it
   * stands after it: done (with the post's URL), queued (waiting for the network, or to retry), or
   * failed (with a reason that says what to do).
   */
  publish: method(publishArgsSchema).returns<OutboxJob>(),
  'outbox-list': method(z.object({}).strict()).returns<OutboxJob[]>(),
  /**
   * Sends again now: one job, or every failed and waiting one (`onlyWaiting`: the network is back).
   * A job another process tried at or after `since` (default: when the call arrives; the CLI sends
   * the moment the command started) is left as that process left it.
   */
  'outbox-retry': method(
    z
      .object({
        id: id.optional(),
        onlyWaiting: z.boolean().optional(),
        since: z.string().datetime({ offset: true }).optional(),
      })
      .strict(),
  ).returns<OutboxJob[]>(),
  /**
   * Takes back a publish that has not gone out (queued or failed): it will not be sent, and the
   * draft's badge says what it was before. Refused while it is being sent, or when an earlier attempt
   * may already have reached the blog.
   */
  'outbox-cancel': method(z.object({ id }).strict()).returns<OutboxJob>(),
  'posts-recent': method(
    z.object({ blogId: id.optional(), limit: z.number().int().min(1).max(100).optional() }).strict(),
  ).returns<RemotePostSummary[]>(),
  /** Makes a local draft of a post on the blog, linked to it: publishing it updates the post. */
  'posts-pull': method(
    z.object({ blogId: id.optional(), postId: z.string().min(1).max(200) }).strict(),
  ).returns<Draft>(),
  /** Deletes the draft's post from its blog (through the outbox). */
  'posts-delete': method(
    z
      .object({
        draftId: id.optional(),
        blogId: id.optional(),
        postId: z.string().min(1).max(200).optional(),
      })
      .strict(),
  ).returns<OutboxJob>(),
};

export interface PublishEvents {
  /** A job in the outbox changed state. */
  'outbox-changed': OutboxJob;
}
