import type { Handlers } from '../../../shared/contract';
import { CoreFailure } from '../../../shared/contract/errors';
import type { EventBus } from '../events/event-bus';
import type { HttpClient } from '../platform/http';
import type { SecretStore } from '../secrets/secret-store';
import { metaweblogCapabilities } from '../publish/discovery/capabilities';
import { discoverBlog } from '../publish/discovery/discover';
import { MetaweblogClient } from '../publish/metaweblog/client';
import { toPublishError } from '../publish/metaweblog/errors';
import { passwordFor, passwordKey } from './blog-secrets';
import type { BlogStore } from './blog-store';
import type { Blog, BlogTestResult } from '../../../shared/model/blog';
import type { MicropubBlogAdd } from '../publish/micropub/micropub-blogs';

type BlogsHandlers = Pick<
  Handlers,
  | 'blogs-discover'
  | 'blogs-account-blogs'
  | 'blogs-add'
  | 'blogs-list'
  | 'blogs-update'
  | 'blogs-test'
  | 'blogs-remove'
  | 'blogs-categories'
>;

export function blogsHandlers(deps: {
  store: BlogStore;
  secrets: SecretStore;
  http: HttpClient;
  events: EventBus;
  /** Micropub blogs are added and forgotten by the Micropub side (token, IndieAuth sign-in). */
  micropub: {
    add(input: MicropubBlogAdd, signal: AbortSignal): Promise<Blog>;
    forget(blogId: string): Promise<void>;
    test(blog: Blog, signal: AbortSignal): Promise<BlogTestResult>;
  };
}): BlogsHandlers {
  const { store, secrets, http, events } = deps;
  const changed = async () => events.emit('blogs-changed', await store.list());

  function metaweblogClient(
    endpoint: string,
    remoteBlogId: string,
    username: string,
    password: string,
    signal?: AbortSignal,
  ) {
    return new MetaweblogClient(
      http,
      { endpoint, remoteBlogId, username, password },
      signal ? { signal } : {},
    );
  }

  /** A saved blog's client, signed in with the password from the secret store. */
  async function savedBlogClient(blog: Blog, signal: AbortSignal) {
    const password = await passwordFor(secrets, blog);
    return metaweblogClient(blog.endpoint, blog.remoteBlogId, blog.username ?? '', password, signal);
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

  async function methodsOf(client: MetaweblogClient): Promise<string[]> {
    try {
      return await client.listMethods();
    } catch {
      return [];
    }
  }

  return {
    'blogs-discover': ({ url }, { signal }) => discoverBlog(http, url, signal),

    'blogs-account-blogs': ({ endpoint, username, password }, { signal }) =>
      signIn(new URL(endpoint).host, endpoint, async () => {
        const blogs = await metaweblogClient(endpoint, '', username, password, signal).getUsersBlogs();
        return blogs.map((blog) => ({
          remoteBlogId: blog.blogid,
          name: blog.blogName || blog.url,
          url: blog.url,
          endpoint: blog.xmlrpc ?? null,
          isAdmin: blog.isAdmin === undefined ? null : Boolean(blog.isAdmin),
        }));
      }),

    'blogs-add': async (input, { signal }) => {
      if (input.protocol === 'micropub') {
        const blog = await deps.micropub.add(input, signal);
        await changed();
        return blog;
      }
      const client = metaweblogClient(
        input.endpoint,
        input.remoteBlogId,
        input.username,
        input.password,
        signal,
      );
      const name = input.name?.trim() || new URL(input.homeUrl).host;
      // Adding checks the password, so a typo shows now and not at the first publish.
      await signIn(name, input.endpoint, () => client.getUsersBlogs());
      const methods = await methodsOf(client);
      const blog = await store.add(
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
        // The password is saved before the blog, so a crash never leaves a blog without it.
        (added) => secrets.set(passwordKey(added.id), input.password),
      );
      await changed();
      return blog;
    },

    'blogs-list': () => store.list(),

    'blogs-update': async ({ id, patch }) => {
      const { password, ...fields } = patch;
      const blog = await store.update(
        id,
        fields,
        password ? () => secrets.set(passwordKey(id), password) : undefined,
      );
      await changed();
      return blog;
    },

    'blogs-test': async ({ id }, { signal }) => {
      const blog = await store.get(id);
      if (blog.protocol === 'micropub') return deps.micropub.test(blog, signal);
      try {
        const blogs = await (await savedBlogClient(blog, signal)).getUsersBlogs();
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
    },

    'blogs-remove': async ({ id }) => {
      await store.get(id);
      const removed = await store.remove(id);
      await secrets.delete(passwordKey(id));
      await deps.micropub.forget(id);
      await changed();
      return removed;
    },

    'blogs-categories': async ({ id }, { signal }) => {
      const blog = await store.get(id);
      if (blog.protocol !== 'metaweblog') return [];
      return signIn(blog.name, blog.endpoint, async () => {
        const categories = await (await savedBlogClient(blog, signal)).getCategories();
        return categories
          .map((entry) => ({ name: entry.categoryName ?? entry.title ?? '', id: entry.categoryId ?? null }))
          .filter((entry) => entry.name);
      });
    },
  };
}
