import type { z } from 'zod';
import type { metaweblogBlogAddSchema } from '../../../../shared/contract/blogs';
import { CoreFailure } from '../../../../shared/contract/errors';
import type { AccountBlog, Blog, BlogCategory, BlogTestResult } from '../../../../shared/model/blog';
import type { BlogStore } from '../../blogs/blog-store';
import type { HttpClient } from '../../platform/http';
import { metaweblogCapabilities } from '../discovery/capabilities';
import { MetaweblogClient } from './client';
import { toPublishError } from './errors';
import { savedBlogClient } from './saved-blog-client';

// Adding, testing and reading a MetaWeblog blog: each signs in, and says what to do when it cannot.

export type MetaweblogBlogAdd = z.infer<typeof metaweblogBlogAddSchema>;

interface MetaweblogBlogsDeps {
  http: HttpClient;
  blogs: BlogStore;
}

/** Errors of a sign-in attempt, in the sentences the dialog shows. */
async function signIn<T>(name: string, endpoint: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const failure = toPublishError(error, { name, endpoint });
    throw new CoreFailure(failure.code, failure.message);
  }
}

/** The client of an account not saved yet (the add dialog), signed in with what the author typed. */
function accountClient(
  http: HttpClient,
  account: { endpoint: string; remoteBlogId: string; username: string; password: string },
  signal: AbortSignal,
  homeUrl?: string,
) {
  // The home page the author typed anchors the outbound policy (local networks only if it is local).
  return new MetaweblogClient(http, account, { signal, ...(homeUrl ? { anchor: homeUrl } : {}) });
}

/** The blogs an account can publish to (blogger.getUsersBlogs), for the author to pick one. */
export function accountBlogs(
  http: HttpClient,
  account: { endpoint: string; username: string; password: string },
  signal: AbortSignal,
): Promise<AccountBlog[]> {
  return signIn(new URL(account.endpoint).host, account.endpoint, async () => {
    const blogs = await accountClient(http, { ...account, remoteBlogId: '' }, signal).getUsersBlogs();
    return blogs.map((blog) => ({
      remoteBlogId: blog.blogid,
      name: blog.blogName || blog.url,
      url: blog.url,
      endpoint: blog.xmlrpc ?? null,
      isAdmin: blog.isAdmin === undefined ? null : Boolean(blog.isAdmin),
    }));
  });
}

/** Saves a MetaWeblog blog once its password works, so a typo shows now and not at the first publish. */
export async function addMetaweblogBlog(
  deps: MetaweblogBlogsDeps,
  input: MetaweblogBlogAdd,
  signal: AbortSignal,
): Promise<Blog> {
  const client = accountClient(deps.http, input, signal, input.homeUrl);
  const name = input.name?.trim() || new URL(input.homeUrl).host;
  await signIn(name, input.endpoint, () => client.getUsersBlogs());
  const methods = await client.listMethods().catch(() => []);
  return deps.blogs.add(
    {
      name,
      homeUrl: input.homeUrl,
      protocol: 'metaweblog',
      endpoint: input.endpoint,
      remoteBlogId: input.remoteBlogId,
      username: input.username,
      capabilities: metaweblogCapabilities(methods),
      micropub: null,
    },
    input.password,
  );
}

/** "Test" for a MetaWeblog blog: signs in with the saved password and looks for the blog in the account. */
export async function testMetaweblogBlog(
  deps: MetaweblogBlogsDeps,
  blog: Blog,
  signal: AbortSignal,
): Promise<BlogTestResult> {
  try {
    const blogs = await (await savedBlogClient(deps, blog, signal)).getUsersBlogs();
    const mine = blogs.find((entry) => entry.blogid === blog.remoteBlogId);
    if (!mine) {
      return {
        ok: false,
        message: `Signed in, but the account has no blog with id ${blog.remoteBlogId}. Edit the blog and pick one of: ${blogs.map((entry) => `${entry.blogName} (${entry.blogid})`).join(', ')}.`,
      };
    }
    return {
      ok: true,
      message: `Signed in to ${mine.blogName || blog.name} as ${blog.username}. Publishing will work.`,
    };
  } catch (error) {
    return { ok: false, message: toPublishError(error, blog).message };
  }
}

/** The blog's categories, for the post panel. */
export function metaweblogCategories(
  deps: MetaweblogBlogsDeps,
  blog: Blog,
  signal: AbortSignal,
): Promise<BlogCategory[]> {
  return signIn(blog.name, blog.endpoint, async () => {
    const categories = await (await savedBlogClient(deps, blog, signal)).getCategories();
    return categories
      .map((entry) => ({ name: entry.categoryName ?? entry.title ?? '', id: entry.categoryId ?? null }))
      .filter((entry) => entry.name);
  });
}
