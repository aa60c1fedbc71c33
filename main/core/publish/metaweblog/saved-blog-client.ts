import type { Blog } from '../../../../shared/model/blog';
import type { BlogStore } from '../../blogs/blog-store';
import type { HttpClient } from '../../platform/http';
import type { XmlRpcLimits } from '../xmlrpc/call';
import { MetaweblogClient } from './client';
import { toPublishError } from './errors';

export interface SavedBlogClientDeps {
  http: HttpClient;
  blogs: Pick<BlogStore, 'passwordFor'>;
  /** Deadlines and size caps of every XML-RPC call (defaults: 60 s, 20 MB). */
  limits?: Partial<XmlRpcLimits>;
}

/**
 * The client of a saved MetaWeblog blog, signed in with its saved password. Publishing, testing a
 * blog and reading its categories all get their client here, so they sign in alike.
 */
export async function savedBlogClient(
  deps: SavedBlogClientDeps,
  blog: Blog,
  signal: AbortSignal,
): Promise<MetaweblogClient> {
  if (!blog.username) throw toPublishError(new Error(`${blog.name} has no user name saved.`), blog);
  const password = await deps.blogs.passwordFor(blog);
  return new MetaweblogClient(
    deps.http,
    { endpoint: blog.endpoint, remoteBlogId: blog.remoteBlogId, username: blog.username, password },
    { signal, anchor: blog.homeUrl, ...(deps.limits ? { limits: deps.limits } : {}) },
  );
}
