import type { Handlers } from '../../../../shared/contract';
import type { Blog } from '../../../../shared/model/blog';
import type { BlogStore } from '../../blogs/blog-store';
import type { MicropubAccess } from './micropub-access';
import { chooseMicropubBlog, micropubBlogFields, type MicropubBlogAdd } from './micropub-blogs';
import {
  micropubPostHandlers,
  type MicropubPostDeps,
  type MicropubPostHandlers,
} from './micropub-post-handlers';
import {
  micropubSignInHandlers,
  type MicropubSignInDeps,
  type MicropubSignInHandlers,
} from './micropub-sign-in-handlers';

type MicropubHandlers = MicropubSignInHandlers &
  MicropubPostHandlers &
  Pick<Handlers, 'micropub-config' | 'micropub-syndicate-to' | 'micropub-categories'>;

export type MicropubHandlerDeps = MicropubSignInDeps & MicropubPostDeps;

/** Every Micropub handler: signing in, the blog's configuration, and one post at a time. */
export function micropubHandlers(deps: MicropubHandlerDeps): MicropubHandlers {
  const { blogs, access } = deps;
  return {
    ...micropubSignInHandlers(deps),
    ...micropubPostHandlers(deps),
    'micropub-config': async ({ blogId }, { signal }) => {
      const blog = await chooseMicropubBlog(blogs, blogId);
      const config = await access.run(blog, signal, (client) => client.config());
      if (config.mediaEndpoint !== (blog.micropub?.mediaEndpoint ?? null) && config.mediaEndpoint) {
        await blogs.update(blog.id, { micropub: { ...blog.micropub, mediaEndpoint: config.mediaEndpoint } });
      }
      return config;
    },

    'micropub-syndicate-to': async ({ blogId }, { signal }) => {
      const blog = await chooseMicropubBlog(blogs, blogId);
      return access.run(blog, signal, (client) => client.syndicateTo());
    },

    'micropub-categories': async ({ blogId }, { signal }) => {
      const blog = await chooseMicropubBlog(blogs, blogId);
      return access.run(blog, signal, (client) => client.categories());
    },
  };
}

/** Adds a Micropub blog (from "Add a blog"); a pasted token is checked and kept, else sign in next. */
export async function addMicropubBlog(
  deps: { blogs: BlogStore; handlers: MicropubHandlers },
  input: MicropubBlogAdd,
  signal: AbortSignal,
): Promise<Blog> {
  const blog = await deps.blogs.add(micropubBlogFields(input));
  if (!input.token) return blog;
  try {
    return await deps.handlers['micropub-set-token']({ blogId: blog.id, token: input.token }, { signal });
  } catch (error) {
    await deps.blogs.remove(blog.id);
    throw error;
  }
}

/** "Test" for a Micropub blog: q=config with the saved token says whether publishing would work. */
export async function testMicropubBlog(
  access: MicropubAccess,
  blog: Blog,
  signal: AbortSignal,
): Promise<{ ok: boolean; message: string }> {
  try {
    await access.run(blog, signal, (client) => client.config());
    const who = blog.micropub?.me ? ` as ${blog.micropub.me}` : '';
    return { ok: true, message: `Signed in to ${blog.name}${who}. Publishing will work.` };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
