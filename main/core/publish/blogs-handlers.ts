import type { Handlers } from '../../../shared/contract';
import type { Blog, BlogTestResult } from '../../../shared/model/blog';
import type { BlogStore } from '../blogs/blog-store';
import type { EventBus } from '../events/event-bus';
import type { HttpClient } from '../platform/http';
import { discoverBlog } from './discovery/discover';
import {
  accountBlogs,
  addMetaweblogBlog,
  metaweblogCategories,
  testMetaweblogBlog,
} from './metaweblog/metaweblog-blogs';
import type { MicropubBlogAdd } from './micropub/micropub-blogs';

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

/**
 * Adding, testing and removing blogs: storing them is core/blogs' part, signing in to them is the
 * protocols' (metaweblog/metaweblog-blogs.ts, and the Micropub side below), so these handlers live
 * with publishing.
 */
export function blogsHandlers(deps: {
  store: BlogStore;
  http: HttpClient;
  events: EventBus;
  /** Micropub blogs are added and forgotten by the Micropub side (token, IndieAuth sign-in). */
  micropub: {
    add(input: MicropubBlogAdd, signal: AbortSignal): Promise<Blog>;
    forget(blogId: string): Promise<void>;
    test(blog: Blog, signal: AbortSignal): Promise<BlogTestResult>;
  };
}): BlogsHandlers {
  const { store, http, events } = deps;
  const metaweblog = { http, blogs: store };
  const changed = async () => events.emit('blogs-changed', await store.list());

  return {
    'blogs-discover': ({ url }, { signal }) => discoverBlog(http, url, signal),

    'blogs-account-blogs': (account, { signal }) => accountBlogs(http, account, signal),

    'blogs-add': async (input, { signal }) => {
      const blog =
        input.protocol === 'micropub'
          ? await deps.micropub.add(input, signal)
          : await addMetaweblogBlog(metaweblog, input, signal);
      await changed();
      return blog;
    },

    'blogs-list': () => store.list(),

    'blogs-update': async ({ id, patch }) => {
      const { password, ...fields } = patch;
      const blog = await store.update(id, fields, password);
      await changed();
      return blog;
    },

    'blogs-test': async ({ id }, { signal }) => {
      const blog = await store.get(id);
      return blog.protocol === 'micropub'
        ? deps.micropub.test(blog, signal)
        : testMetaweblogBlog(metaweblog, blog, signal);
    },

    'blogs-remove': async ({ id }) => {
      await store.get(id);
      const removed = await store.remove(id);
      await deps.micropub.forget(id);
      await changed();
      return removed;
    },

    'blogs-categories': async ({ id }, { signal }) => {
      const blog = await store.get(id);
      return blog.protocol === 'metaweblog' ? metaweblogCategories(metaweblog, blog, signal) : [];
    },
  };
}
