import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import type { ArchivedPost } from '../../../shared/model/archive';
import { syncFolder, writeFileAtomic } from '../fs/atomic-write';

/** The format of the archive's files (docs/data.md, "The blog archive"). */
export const ARCHIVE_VERSION = 1;

const text = z.string();
const postSchema = z.object({
  blogId: text,
  postId: text,
  type: text,
  url: text.nullable(),
  title: text,
  html: text,
  excerpt: text,
  slug: text,
  tags: z.array(text),
  categories: z.array(text),
  status: text,
  publishedAt: text.nullable(),
  modifiedAt: text.nullable(),
  media: z.array(text),
  pulledAt: text,
});
const postFileSchema = z.object({ version: z.literal(ARCHIVE_VERSION), hash: text, post: postSchema });

/** A post file: the post and the hash of what the blog sent, which says whether a later pull changed it. */
export interface PostFile {
  hash: string;
  post: ArchivedPost;
}

/** The hash of a post's content: the same post pulled again has the same hash, whenever pulled. */
export function contentHash(post: ArchivedPost): string {
  const { pulledAt: _pulledAt, ...content } = post;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
}

/** A post's file name: its id hashed, since ids are URLs on Micropub. */
export function postKey(postId: string): string {
  return createHash('sha256').update(postId).digest('hex').slice(0, 32);
}

const BLOG_FOLDER = /^[a-z0-9][a-z0-9-]{0,99}$/i;

/** Moves an archive file that cannot be read out of the way (to quarantine) and tells the author. */
export type SetAside = (path: string, blogId: string, what: 'pull' | 'post') => Promise<void>;

/**
 * `archive/<blog id>/posts/<key>.json`, one file per post, and `archive/<blog id>/pull.json`, where
 * a pull stands. The folder is the author's backup of the blog: nothing here is derived.
 */
export class ArchiveFiles {
  constructor(
    readonly root: string,
    private readonly setAside: SetAside,
  ) {}

  folder(blogId: string): string {
    if (!BLOG_FOLDER.test(blogId)) throw new Error(`"${blogId}" is not a blog id.`);
    return join(this.root, blogId);
  }

  async blogIds(): Promise<string[]> {
    try {
      return (await readdir(this.root)).filter((name) => BLOG_FOLDER.test(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** The keys of the blog's post files. */
  async keys(blogId: string): Promise<string[]> {
    try {
      return (await readdir(join(this.folder(blogId), 'posts')))
        .filter((name) => /^[0-9a-f]{32}\.json$/.test(name))
        .map((name) => name.slice(0, -'.json'.length));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** A post file, or null when there is none or it could not be read (then it is set aside). */
  read(blogId: string, key: string): Promise<PostFile | null> {
    return this.readValid(join(this.folder(blogId), 'posts', `${key}.json`), postFileSchema, blogId, 'post');
  }

  /**
   * The file parsed and checked against its format; null when it is missing. One that cannot be
   * read (not JSON, not the format, a folder, no permission) is set aside: never deleted, never
   * read again as if it were fine.
   */
  private async readValid<T>(
    path: string,
    schema: z.ZodType<T>,
    blogId: string,
    what: 'pull' | 'post',
  ): Promise<T | null> {
    let raw: string;
    try {
      raw = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      await this.setAside(path, blogId, what);
      return null;
    }
    let parsed: z.ZodSafeParseResult<T> | null = null;
    try {
      parsed = schema.safeParse(JSON.parse(raw));
    } catch {
      // Not JSON: set aside below.
    }
    if (parsed?.success) return parsed.data;
    await this.setAside(path, blogId, what);
    return null;
  }

  /**
   * Writes a page of posts crash-safely at the cost of one folder sync: each file is written
   * and synced under a temporary name, then all are renamed into place and the folder synced.
   */
  async writePosts(blogId: string, files: PostFile[]): Promise<void> {
    if (!files.length) return;
    const folder = join(this.folder(blogId), 'posts');
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const temps = await Promise.all(
      files.map(async (file) => {
        const key = postKey(file.post.postId);
        const temp = join(folder, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
        const handle = await open(temp, 'w', 0o600);
        try {
          await handle.writeFile(`${JSON.stringify({ version: ARCHIVE_VERSION, ...file })}\n`);
          await handle.sync();
        } finally {
          await handle.close();
        }
        return { temp, path: join(folder, `${key}.json`) };
      }),
    );
    try {
      for (const { temp, path } of temps) await rename(temp, path);
    } finally {
      await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    }
    await syncFolder(folder);
  }

  /** pull.json, or null when there is none or it could not be read (then it is set aside). */
  readState<T>(blogId: string, schema: z.ZodType<T>): Promise<T | null> {
    return this.readValid(join(this.folder(blogId), 'pull.json'), schema, blogId, 'pull');
  }

  async writeState(blogId: string, state: unknown): Promise<void> {
    await mkdir(this.folder(blogId), { recursive: true, mode: 0o700 });
    await writeFileAtomic(join(this.folder(blogId), 'pull.json'), `${JSON.stringify(state, null, 1)}\n`);
  }
}
