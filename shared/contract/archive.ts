import * as z from 'zod';
import { method } from './define';
import { SEARCH_SCOPES, type ArchivedPost, type ArchivePullResult, type SearchHit } from '../model/archive';
import type { Draft } from '../model/draft';

const blogId = z.string().min(1).max(100);
const postId = z.string().min(1).max(2000);

/** The offline archive of whole blogs: pulled, listed, read and searched without the network. */
export const archiveMethods = {
  /**
   * Pulls every post of the blog into the archive, or what changed since the last pull; goes on
   * from where a stopped pull was. Reports progress as a job (cancel it with jobs-cancel).
   * `images`: then downloads the images the posts refer to into the archive, those not there yet.
   */
  'archive-pull': method(
    z.object({ blogId, images: z.boolean().default(false) }).strict(),
  ).returns<ArchivePullResult>(),
  /** The drafts, the archived posts or both, newest first, holding every word of `query`. */
  'archive-search': method(
    z
      .object({
        query: z.string().max(500).optional(),
        in: z.enum(SEARCH_SCOPES).default('both'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ).returns<{ items: SearchHit[]; total: number }>(),
  /** One archived post, its body sanitised for reading, its downloaded images at their archive path. */
  'archive-get': method(z.object({ blogId, postId }).strict()).returns<ArchivedPost>(),
  /**
   * A draft linked to the archived post, so publishing it updates the post: the draft already
   * linked to it, else the post pulled fresh from the blog, else (offline) the archived copy.
   */
  'archive-edit': method(z.object({ blogId, postId }).strict()).returns<Draft>(),
};
