import * as z from 'zod';
import { CoreFailure } from '../../../shared/contract/errors';
import type { ArchivePullResult } from '../../../shared/model/archive';
import { contentHash, type ArchiveFiles, type PostFile } from './archive-files';
import { archiveRowId, type ArchiveIndex } from './archive-index';
import type { PostSource, PullCursor } from './post-source';

/** pull.json: where the blog's pulls stand (docs/data.md). */
const cursorSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export const pullStateSchema = z.object({
  version: z.literal(1),
  /** The newest modification date the last complete pull saw: the next one stops below it. */
  mark: z.string().nullable(),
  lastCompleteAt: z.string().nullable(),
  /** Posts in the archive after the last pull: the estimate of the next one's work. */
  total: z.number().int().min(0),
  /** A pull under way (or stopped: killed, cancelled, offline), to go on from. */
  run: z
    .object({
      cursor: cursorSchema,
      since: z.string().nullable(),
      mark: z.string().nullable(),
      seen: z.number().int().min(0),
      changed: z.number().int().min(0),
      startedAt: z.string(),
    })
    .nullable(),
});
export type PullState = z.infer<typeof pullStateSchema>;

/** WordPress keeps whole seconds: posts changed in the second the last pull ended are listed again (and compared). */
const MARK_MARGIN_MS = 1000;
/** A server that never stops paging is not followed past this many posts. */
const MOST_POSTS = 500_000;

export interface PullDeps {
  files: ArchiveFiles;
  index: ArchiveIndex;
  now: () => Date;
}

export interface PullProgress {
  (seen: number, estimate: number | null): void;
}

/**
 * Pulls a blog into the archive a page at a time. After each page the posts that changed are on
 * disk (synced) and in the index, then pull.json says where the next page starts: a pull killed,
 * cancelled or cut off by the network goes on from there next time, and a page pulled twice
 * changes nothing (posts are compared by the hash of what the blog sent).
 */
export async function pullBlog(
  deps: PullDeps,
  blogId: string,
  source: PostSource,
  signal: AbortSignal,
  progress: PullProgress,
): Promise<ArchivePullResult> {
  const { files } = deps;
  const state: PullState = (await files.readState(blogId, pullStateSchema)) ?? {
    version: 1,
    mark: null,
    lastCompleteAt: null,
    total: 0,
    run: null,
  };
  const resumed = state.run !== null;
  const since = state.mark ? new Date(Date.parse(state.mark) - MARK_MARGIN_MS).toISOString() : null;
  const run = (state.run ??= {
    cursor: source.first,
    since,
    mark: null,
    seen: 0,
    changed: 0,
    startedAt: deps.now().toISOString(),
  });
  const db = await deps.index.use();
  const stamps = db.stamps();
  const result = (complete: boolean): ArchivePullResult => ({
    blogId,
    seen: run.seen,
    changed: run.changed,
    total: state.total,
    complete,
    resumed,
    images: null,
  });
  let cursor: PullCursor | null = run.cursor;
  while (cursor) {
    if (signal.aborted) return result(false);
    progress(run.seen, Math.max(state.total, run.seen));
    let page: Awaited<ReturnType<PostSource['page']>>;
    try {
      page = await source.page(cursor, run.since);
    } catch (error) {
      // Cancelled mid-request: the page is asked for again next time.
      if (signal.aborted) return result(false);
      throw error;
    }
    if (signal.aborted) return result(false);
    const changed: PostFile[] = [];
    for (const post of page.posts) {
      const hash = contentHash(post);
      if (stamps.get(archiveRowId(blogId, post.postId)) !== hash) changed.push({ hash, post });
      if (post.modifiedAt && (!run.mark || post.modifiedAt > run.mark)) run.mark = post.modifiedAt;
    }
    await files.writePosts(blogId, changed);
    const live = await deps.index.use();
    live.transaction(() => {
      for (const { post, hash } of changed) deps.index.put(live, post, hash);
    });
    for (const { post, hash } of changed) stamps.set(archiveRowId(blogId, post.postId), hash);
    run.seen += page.posts.length;
    run.changed += changed.length;
    cursor = page.next;
    if (run.seen > MOST_POSTS)
      throw new CoreFailure(
        'remote-error',
        `The blog kept sending pages past ${MOST_POSTS.toLocaleString('en')} posts, so the pull stopped. What came is in the archive.`,
      );
    if (cursor) {
      run.cursor = cursor;
      await files.writeState(blogId, state);
    }
  }
  const total = (await files.keys(blogId)).length;
  const done: PullState = {
    version: 1,
    mark: run.mark ?? state.mark,
    lastCompleteAt: deps.now().toISOString(),
    total,
    run: null,
  };
  await files.writeState(blogId, done);
  progress(run.seen, run.seen);
  return { ...result(true), total };
}
