import { randomBytes } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CoreFailure } from '../../../shared/contract/errors';
import { blogSchema, type Blog } from '../../../shared/model/blog';
import { writeFileAtomic } from '../fs/atomic-write';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { SecretStore } from '../secrets/secret-store';

const fileSchema = z.object({ version: z.literal(1), blogs: z.array(blogSchema) });

/** The secret store key of a blog's password; nothing secret is ever kept in blogs.json. */
const passwordKey = (blogId: string) => `blog:${blogId}:password`;

/**
 * The saved blogs and their passwords: the one way publishing reaches them (this folder imports
 * nothing of publishing). Blogs live in `<dataDir>/blogs.json` (format in docs/data.md), written
 * crash-safely; passwords never do: they live in the SecretStore. The file is read on every call, so
 * the CLI and a running app see each other's changes; writes in this process are serialised.
 */
export class BlogStore {
  readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.path = join(dataDir, 'blogs.json');
  }

  async list(): Promise<Blog[]> {
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
      // Never delete what cannot be read: keep it aside for the author, start from an empty list.
      const aside = `${this.path}.unreadable-${Date.now()}`;
      await rename(this.path, aside);
      this.logger.error('blogs.json could not be read; it was moved aside', { aside });
      return [];
    }
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
  async add(input: Omit<Blog, 'id' | 'addedAt' | 'updatedAt'>, password?: string): Promise<Blog> {
    const added = await this.change((blogs) => {
      const now = this.clock.now().toISOString();
      const blog: Blog = { ...input, id: newBlogId(input.homeUrl, blogs), addedAt: now, updatedAt: now };
      return { blogs: [...blogs, blog], result: blog };
    });
    if (password) await this.secrets.set(passwordKey(added.id), password);
    return added;
  }

  /** Changes a blog's fields, and its password when one is given. */
  async update(id: string, patch: Partial<Omit<Blog, 'id' | 'addedAt'>>, password?: string): Promise<Blog> {
    const updated = await this.change((blogs) => {
      const index = blogs.findIndex((entry) => entry.id === id);
      if (index < 0) throw new CoreFailure('not-found', `There is no blog "${id}".`);
      const blog = { ...blogs[index]!, ...patch, updatedAt: this.clock.now().toISOString() };
      return { blogs: blogs.map((entry, at) => (at === index ? blog : entry)), result: blog };
    });
    if (password) await this.secrets.set(passwordKey(id), password);
    return updated;
  }

  /** Forgets the blog and its password. */
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

  private change<T>(edit: (blogs: Blog[]) => { blogs: Blog[]; result: T }): Promise<T> {
    const run = this.queue.then(async () => {
      const { blogs, result } = edit(await this.list());
      await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, blogs }, null, 2)}\n`);
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
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
