import { CoreFailure } from '../../../../shared/contract/errors';
import type { Blog, BlogCapabilities } from '../../../../shared/model/blog';
import type { BlogStore } from '../../blogs/blog-store';
import type { MicropubBlogAdd } from '../../../../shared/model/micropub';

export type { MicropubBlogAdd };

/** What a Micropub blog can take: every post field maps onto a property (docs/micropub.md). */
export const MICROPUB_CAPABILITIES: BlogCapabilities = {
  categories: true,
  newCategories: true,
  tags: true,
  slug: true,
  excerpt: true,
  media: true,
  scheduling: true,
  serverDrafts: true,
  deletion: true,
};

export function micropubBlogFields(input: MicropubBlogAdd): Omit<Blog, 'id' | 'addedAt' | 'updatedAt'> {
  return {
    name: input.name?.trim() || new URL(input.homeUrl).host,
    homeUrl: input.homeUrl,
    protocol: 'micropub',
    endpoint: input.endpoint,
    remoteBlogId: '',
    username: null,
    capabilities: MICROPUB_CAPABILITIES,
    micropub: {
      endpoint: input.endpoint,
      mediaEndpoint: input.mediaEndpoint ?? null,
      indieauthMetadata: input.indieauthMetadata ?? null,
      authorizationEndpoint: input.authorizationEndpoint ?? null,
      tokenEndpoint: input.tokenEndpoint ?? null,
      me: null,
      scope: null,
    },
  };
}

/** The blog asked for, else the only Micropub blog. */
export async function chooseMicropubBlog(blogs: BlogStore, blogId: string | undefined): Promise<Blog> {
  if (blogId) {
    const blog = await blogs.get(blogId);
    if (blog.protocol !== 'micropub') {
      throw new CoreFailure(
        'invalid-args',
        `${blog.name} is a ${blog.protocol} blog; this needs a Micropub blog.`,
      );
    }
    return blog;
  }
  const all = (await blogs.list()).filter((blog) => blog.protocol === 'micropub');
  if (all.length === 1) return all[0]!;
  throw new CoreFailure(
    'invalid-args',
    all.length === 0
      ? 'No Micropub blog is set up yet. Add one under Blogs (or "postwright blogs add URL") first.'
      : `You have ${all.length} Micropub blogs; say which one with --blog (${all.map((blog) => blog.id).join(', ')}).`,
  );
}
