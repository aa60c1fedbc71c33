import { basename, join } from 'node:path';
import type { CallContext, Handlers } from '../../../shared/contract';
import { CoreFailure } from '../../../shared/contract/errors';
import type { ArchivePullResult } from '../../../shared/model/archive';
import type { Blog } from '../../../shared/model/blog';
import type { Draft } from '../../../shared/model/draft';
import type { DomainDeps } from '../core-deps';
import type { DraftLibrary } from '../drafts/draft-library';
import { sanitizeHtml } from '../drafts/html-sanitize';
import type { LazyDraftStore } from '../drafts/lazy-draft-store';
import type { MetaweblogClient } from '../publish/metaweblog/client';
import { toPublishError as metaweblogError } from '../publish/metaweblog/errors';
import type { MicropubClient } from '../publish/micropub/micropub-client';
import { toPublishError as micropubError } from '../publish/micropub/micropub-publish-error';
import { quarantine } from '../fs/quarantine';
import { outboundGet } from '../platform/outbound-get';
import { storeLockPath, tryStoreLock } from '../fs/store-lock';
import { MediaMemory } from '../publish/media-memory';
import { keepArchivedImages } from './archive-edit-images';
import { ArchiveFiles, postKey } from './archive-files';
import { ArchiveIndex } from './archive-index';
import {
  downloadedImages,
  IMAGE_MOST_BYTES,
  imageExtension,
  pullImages,
  withArchivedImages,
} from './archive-media';
import { pullBlog, pullStateSchema } from './archive-pull';
import { searchArchive } from './archive-search';
import { metaweblogSource } from './metaweblog-source';
import { micropubSource } from './micropub-source';

type ArchiveHandlers = Pick<Handlers, 'archive-pull' | 'archive-search' | 'archive-get' | 'archive-edit'>;

export interface ArchiveDeps extends Pick<
  DomainDeps,
  'dataDir' | 'clock' | 'jobs' | 'problems' | 'logger' | 'http'
> {
  drafts: LazyDraftStore;
  blog(id: string): Promise<Blog>;
  metaweblog(blog: Blog, signal: AbortSignal): Promise<MetaweblogClient>;
  micropub<T>(blog: Blog, signal: AbortSignal, work: (client: MicropubClient) => Promise<T>): Promise<T>;
  /** The blogs' "pull post into a draft" (posts-pull): the post as the blog has it now, linked. */
  pullPost(blogId: string, postId: string, context: CallContext): Promise<Draft>;
}

export function createArchive(deps: ArchiveDeps) {
  const files = new ArchiveFiles(join(deps.dataDir, 'archive'), setAside);
  const media = new MediaMemory(deps.dataDir);
  // The drafts library makes (or repairs) the index file when it first lists.
  const index = new ArchiveIndex(deps.drafts.paths.index, files, async () =>
    (await deps.drafts.library()).page({}, 0, 1),
  );

  /**
   * A file that could not be read goes to quarantine, named by its blog, and the author is told.
   * pull.json: the pull starts over. A post: its search row goes, and the next pull lists the
   * whole blog (the mark is forgotten), which brings the post back.
   */
  async function setAside(path: string, blogId: string, what: 'pull' | 'post'): Promise<void> {
    const now = deps.clock.now();
    const target = await quarantine(
      join(deps.dataDir, 'quarantine'),
      path,
      now,
      `archive-${blogId}-${basename(path)}`,
    );
    deps.logger.error('moved an unreadable archive file to quarantine', { path, target });
    if (what === 'pull') {
      deps.problems.setAside(`Where the pull of ${blogId} stood`, target, 'the pull started over');
      return;
    }
    const key = basename(path, '.json');
    (await index.use()).remove(`${blogId}/${key}`);
    const state = await files.readState(blogId, pullStateSchema);
    if (state?.mark) await files.writeState(blogId, { ...state, mark: null });
    deps.problems.setAside(`A post archived from ${blogId}`, target, 'pull the blog again to bring it back');
  }
  const running = new Map<string, Promise<ArchivePullResult>>();
  const busy = (blog: Blog) => () =>
    new CoreFailure(
      'conflict',
      `A pull of ${blog.name} is already running, here or in another Postwright window or command; wait for it to finish or cancel it.`,
    );

  /**
   * One pull of a blog at a time across processes (the app, CLI commands): each writes the same
   * post files and pull.json, and two would both start from the same cursor.
   */
  async function pullAlone(blog: Blog, images: boolean, context: CallContext): Promise<ArchivePullResult> {
    const release = await tryStoreLock(storeLockPath(deps.dataDir, `archive-pull-${blog.id}`), busy(blog));
    try {
      return await pull(blog, images, context);
    } finally {
      await release().catch(() => undefined);
    }
  }

  async function pull(blog: Blog, images: boolean, context: CallContext): Promise<ArchivePullResult> {
    const job = deps.jobs.start(`Pulling ${blog.name}`);
    const signal = AbortSignal.any([context.signal, job.signal]);
    const now = () => deps.clock.now();
    const source =
      blog.protocol === 'micropub'
        ? micropubSource((work) => deps.micropub(blog, signal, work), blog, now)
        : metaweblogSource(await deps.metaweblog(blog, signal), blog, now);
    try {
      let result = await pullBlog({ files, index, now }, blog.id, source, signal, (seen, estimate) =>
        job.progress(seen, estimate, estimate ? `${seen} of about ${estimate} posts` : `${seen} posts`),
      );
      if (result.complete && images) {
        const { complete, ...counts } = await pullImages(
          { files, get: (url, stop) => getImage(deps, blog, url, stop) },
          blog.id,
          signal,
          (done, total) => job.progress(done, total, `${done} of ${total} images`),
        );
        result = { ...result, complete, images: counts };
      }
      if (result.complete)
        job.finish(
          `${result.changed} new or changed; ${result.total} posts in the archive${result.images ? `; ${result.images.saved + result.images.kept} images` : ''}`,
        );
      return result;
    } catch (error) {
      if (signal.aborted)
        throw new CoreFailure(
          'cancelled',
          `The pull of ${blog.name} was cancelled; the next one goes on from there.`,
        );
      const failure = blog.protocol === 'micropub' ? micropubError(error) : metaweblogError(error, blog);
      const said =
        failure.code === 'internal'
          ? `The pull of ${blog.name} hit an unexpected problem: ${error instanceof Error ? error.message : String(error)}.`
          : failure.message;
      const message = `${said} What was pulled is kept; pull again to go on.`;
      job.fail(message);
      throw new CoreFailure(failure.code, message);
    }
  }

  const handlers: ArchiveHandlers = {
    'archive-pull': async ({ blogId, images }, context) => {
      const blog = await deps.blog(blogId);
      if (running.has(blog.id)) throw busy(blog)();
      const pulling = pullAlone(blog, images, context).finally(() => running.delete(blog.id));
      running.set(blog.id, pulling);
      return pulling;
    },

    'archive-search': async (args) =>
      searchArchive(args, {
        drafts: () => deps.drafts.library() as Promise<DraftLibrary>,
        archive: () => index.use(),
      }),

    'archive-get': async ({ blogId, postId }) => {
      const file = await archivedFile(files, blogId, postId);
      // The images the pull kept are shown from the archive: the post reads the same offline.
      const downloaded = await downloadedImages(join(files.folder(blogId), 'media'));
      return { ...file.post, html: withArchivedImages(sanitizeHtml(file.post.html), blogId, downloaded) };
    },

    'archive-edit': async ({ blogId, postId }, context) => {
      const linked = await deps.drafts.linkedTo(blogId, postId);
      if (linked.length) return deps.drafts.get(linked[0]!);
      try {
        return await deps.pullPost(blogId, postId, context);
      } catch (error) {
        if ((error as CoreFailure).code !== 'offline') throw error;
      }
      // Offline: the archived copy, linked the same way, so publishing it later updates the post.
      const { post } = await archivedFile(files, blogId, postId);
      const draft = await deps.drafts.create({
        title: post.title,
        slug: post.slug,
        excerpt: post.excerpt,
        tags: post.tags,
        categories: post.categories.filter((name) => name !== 'Uncategorized'),
        publishAt: post.publishedAt,
        blogId,
        html: post.html,
      });
      await keepArchivedImages({ drafts: deps.drafts, media }, files, blogId, draft);
      await deps.drafts.setRemote(
        draft.id,
        { blogId, postId, url: post.url, remoteStatus: post.status, publishedAt: post.publishedAt },
        post.status === 'future' ? 'scheduled' : post.status === 'publish' ? 'published' : 'draft',
      );
      return deps.drafts.get(draft.id);
    },
  };

  return { handlers, dispose: () => index.close() };
}

/**
 * An image through the one outbound policy, judged against the blog's own address: its host
 * may be local when the blog is, never a link-local or metadata address, each redirect checked.
 */
function getImage(deps: Pick<ArchiveDeps, 'http'>, blog: Blog, url: string, signal: AbortSignal) {
  return outboundGet(deps.http, url, {
    accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif',
    deadlineMs: 60_000,
    maxBytes: IMAGE_MOST_BYTES,
    overCap: 'fail',
    maxRedirects: 5,
    anchor: blog.homeUrl,
    what: 'An image of the blog',
    signal,
    wantBody: (status, headers) => status === 200 && imageExtension(headers['content-type']) !== null,
  });
}

/** The archived post's file, or the sentence that says it is not in the archive. */
async function archivedFile(files: ArchiveFiles, blogId: string, postId: string) {
  const file = await files.read(blogId, postKey(postId)).catch(() => null);
  if (!file)
    throw new CoreFailure('not-found', 'That post is not in the archive. Pull the blog to bring it in.');
  return file;
}
