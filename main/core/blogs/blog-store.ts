import { randomBytes } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { CoreFailure } from '../../../shared/contract/errors';
import { blogSchema, type Blog } from '../../../shared/model/blog';
import { writeFileAtomic } from '../fs/atomic-write';
import { storeLockPath, withStoreLock } from '../fs/store-lock';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { SecretStore } from '../secrets/secret-store';

const fileSchema = z.object({ version: z.literal(1), blogs: z.array(blogSchema) });

/** The secret store key of a blog's password; nothing secret is ever kept in blogs.json. */
const passwordKey = (blogId: string) => `blog:${blogId}:password`;

/**
 * The saved blogs and their passwords: the one way publishing reaches them (this folder imports
 * nothing of publishing). Blogs live in `<dataDir>/blogs.json` (format in docs/data.md), written
 * crash-safely; passwords and tokens never do: they live in the SecretStore. The file is read on every
 * call, so the CLI and a running app see each other's changes. A change is a read-modify-write
 * under the blogs lock, shared with other processes; a blog's secret is written inside the same
 * lock before the blog, so a crash leaves at worst a secret with no blog, which `repair` removes.
 */
export class BlogStore {
  readonly path: string;
  readonly lockPath: string;

  constructor(
    dataDir: string,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly onQuarantine: (file: string) => void = () => undefined,
  ) {
    this.path = join(dataDir, 'blogs.json');
    this.lockPath = storeLockPath(dataDir, 'blogs');
  }

  async list(): Promise<Blog[]> {
    const blogs = await this.read();
    // Unreadable: read again under the lock (after any writer) before setting it aside.
    return blogs ?? withStoreLock(this.lockPath, () => this.readLocked());
  }

  private async read(): Promise<Blog[] | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    try {
      return fileSchema.parse(JSON.parse(text)).blogs;
    } catch {
      return null;
    }
  }

  private async readLocked(): Promise<Blog[]> {
    const blogs = await this.read();
    if (blogs) return blogs;
    // Never delete what cannot be read: keep it aside for the author, start from an empty list.
    const aside = `${this.path}.unreadable-${Date.now()}`;
    await rename(this.path, aside);
    this.logger.error('blogs.json could not be read; it was moved aside', { aside });
    this.onQuarantine(aside);
    return [];
  }

  /**
   * Removes secrets whose blog is not in blogs.json (a crash between the two writes of an add or
   * a remove), under the blogs lock so an add in progress elsewhere is waited for.
   */
  repair(secretKeys: () => Promise<string[]>, removeSecret: (key: string) => Promise<void>): Promise<number> {
    return withStoreLock(this.lockPath, async () => {
      const ids = new Set((await this.readLocked()).map((blog) => blog.id));
      let removed = 0;
      for (const key of await secretKeys()) {
        const id = /^blog:([^:]+):/.exec(key)?.[1];
        if (id !== undefined && !ids.has(id)) {
          await removeSecret(key);
          removed += 1;
        }
      }
      if (removed > 0) this.logger.info('removed secrets of blogs that were never saved', { removed });
      return removed;
    });
  }

  async get(id: string): Promise<Blog> {
    const blog = (await this.list()).find((entry) => entry.id === id);
    if (!blog)
      throw new CoreFailure(
        'not-found',
        `There is no blog "${id}". See the Blogs section (or "postwright blogs list") for the ones you have.`,
      );
    return blog;
  }

  /** Saves a new blog, with the password it signs in with when it has one (MetaWeblog). */
  add(input: Omit<Blog, 'id' | 'addedAt' | 'updatedAt'>, password?: string): Promise<Blog> {
    return this.change(
      (blogs) => {
        const now = this.clock.now().toISOString();
        const blog: Blog = { ...input, id: newBlogId(input.homeUrl, blogs), addedAt: now, updatedAt: now };
        return { blogs: [...blogs, blog], result: blog };
      },
      // The password is saved before the blog, so a crash never leaves a blog without it.
      password ? (blog) => this.secrets.set(passwordKey(blog.id), password) : undefined,
    );
  }

  /** Changes a blog's fields, and its password when one is given. */
  update(id: string, patch: Partial<Omit<Blog, 'id' | 'addedAt'>>, password?: string): Promise<Blog> {
    return this.change(
      (blogs) => {
        const index = blogs.findIndex((entry) => entry.id === id);
        if (index < 0) throw new CoreFailure('not-found', `There is no blog "${id}".`);
        const blog = { ...blogs[index]!, ...patch, updatedAt: this.clock.now().toISOString() };
        return { blogs: blogs.map((entry, at) => (at === index ? blog : entry)), result: blog };
      },
      password ? () => this.secrets.set(passwordKey(id), password) : undefined,
    );
  }

  /** Forgets the blog, then its password (a crash in between leaves a secret that `repair` removes). */
  async remove(id: string): Promise<boolean> {
    const removed = await this.change((blogs) => {
      const rest = blogs.filter((entry) => entry.id !== id);
      return { blogs: rest, result: rest.length !== blogs.length };
    });
    await this.secrets.delete(passwordKey(id));
    return removed;
  }

  /** The password the blog signs in with; a sentence saying where to enter it when none is saved. */
  async passwordFor(blog: Pick<Blog, 'id' | 'name'>): Promise<string> {
    const password = await this.secrets.get(passwordKey(blog.id));
    if (!password) {
      throw new CoreFailure(
        'auth-failed',
        `No password is saved for ${blog.name}. Enter it under Blogs → Edit.`,
      );
    }
    return password;
  }

  private change<T>(
    edit: (blogs: Blog[]) => { blogs: Blog[]; result: T },
    beforeCommit?: (result: T) => Promise<void>,
  ): Promise<T> {
    return withStoreLock(this.lockPath, async () => {
      const { blogs, result } = edit(await this.readLocked());
      await beforeCommit?.(result);
      await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, blogs }, null, 2)}\n`);
      return result;
    });
  }
}

/** A short id an author can type (`--blog example-com`), made from the blog's host. */
function newBlogId(homeUrl: string, blogs: Blog[]): string {
  let stem = 'blog';
  try {
    stem =
      new URL(homeUrl).host
        .replace(/^www\./, '')
        .replace(/[^a-z0-9]+/gi, '-')
        .toLowerCase()
        .slice(0, 40) || 'blog';
  } catch {
    // keep "blog"
  }
  const taken = new Set(blogs.map((blog) => blog.id));
  if (!taken.has(stem)) return stem;
  for (;;) {
    const id = `${stem}-${randomBytes(2).toString('hex')}`;
    if (!taken.has(id)) return id;
  }
}
