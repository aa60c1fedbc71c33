import type { ArchivedPost } from '../../../shared/model/archive';
import type { Blog } from '../../../shared/model/blog';
import { webUrl } from '../../../shared/net/safe-link';
import { joinMore, splitTags } from '../../../shared/publish/post-content';
import type { MetaweblogClient } from '../publish/metaweblog/client';
import { postDate } from '../publish/metaweblog/post-mapping';
import type { RemoteMetaweblogPost, WpPost } from '../publish/metaweblog/schemas';
import { XmlRpcError } from '../publish/xmlrpc/errors';
import { mediaOf, type PostSource } from './post-source';

/** Posts per wp.getPosts call: WordPress answers a page of 100 in well under a second. */
export const WP_PAGE = 100;
/** Engines without wp.getPosts send only their recent posts, in one answer. */
const RECENT_MOST = 500;
/** WordPress has post types beside posts; pages are the author's too. */
const WP_TYPES = ['post', 'page'] as const;

const validDate = (date: Date | null | undefined) =>
  date && date.getUTCFullYear() > 1900 ? date.toISOString() : null;

function fromWordPress(blog: Blog, post: WpPost, pulledAt: string): ArchivedPost {
  const terms = (taxonomy: string) =>
    post.terms.filter((term) => term.taxonomy === taxonomy).map((term) => term.name);
  const thumbnail =
    post.post_thumbnail && !Array.isArray(post.post_thumbnail) ? post.post_thumbnail.link : undefined;
  return {
    blogId: blog.id,
    postId: post.post_id,
    type: post.post_type || 'post',
    url: webUrl(post.link),
    title: post.post_title,
    html: post.post_content,
    excerpt: post.post_excerpt,
    slug: post.post_name,
    tags: terms('post_tag'),
    categories: terms('category'),
    status: post.post_status || 'publish',
    publishedAt: validDate(post.post_date_gmt),
    modifiedAt: validDate(post.post_modified_gmt),
    media: mediaOf(post.post_content, thumbnail ? [thumbnail] : []),
    pulledAt,
  };
}

function fromMetaweblog(blog: Blog, post: RemoteMetaweblogPost, pulledAt: string): ArchivedPost {
  const html = joinMore(post.description, post.mt_text_more);
  const date = postDate(post);
  return {
    blogId: blog.id,
    postId: post.postid,
    type: 'post',
    url: webUrl(post.permaLink || post.link),
    title: post.title,
    html,
    excerpt: post.mt_excerpt,
    slug: post.wp_slug,
    tags: splitTags(post.mt_keywords),
    categories: post.categories,
    status: post.post_status ?? 'publish',
    publishedAt: date ? date.toISOString() : null,
    modifiedAt: null,
    media: mediaOf(html, []),
    pulledAt,
  };
}

/** Whether the server lacks a method (the XML-RPC spec's -32601; some engines answer 405 or 403 for it). */
function noSuchMethod(error: unknown): boolean {
  return (
    error instanceof XmlRpcError &&
    error.kind === 'fault' &&
    [-32601, -32600].includes(error.details.faultCode ?? 0)
  );
}

/**
 * A MetaWeblog blog's posts: on WordPress every post and page through wp.getPosts, most recently
 * changed first, so a later pull stops at the first post older than the last pull; elsewhere the
 * recent posts metaWeblog.getRecentPosts gives, compared with the archive.
 */
export function metaweblogSource(client: MetaweblogClient, blog: Blog, now: () => Date): PostSource {
  return {
    first: { mode: 'wp', type: 0, offset: 0 },
    async page(cursor, since) {
      const pulledAt = now().toISOString();
      if (cursor.mode === 'wp') {
        const type = Number(cursor.type);
        const offset = Number(cursor.offset);
        let got: WpPost[];
        try {
          got = await client.getPosts({
            post_type: WP_TYPES[type] ?? 'post',
            number: WP_PAGE,
            offset,
            // The id breaks ties: posts changed in the same second would otherwise swap between pages.
            orderby: 'modified ID',
            order: 'DESC',
          });
        } catch (error) {
          if (type === 0 && offset === 0 && noSuchMethod(error)) return this.page({ mode: 'recent' }, since);
          throw error;
        }
        const posts = got.map((post) => fromWordPress(blog, post, pulledAt));
        const reachedOld =
          since !== null && posts.some((post) => post.modifiedAt !== null && post.modifiedAt < since);
        const typeDone = got.length < WP_PAGE || reachedOld;
        const next = !typeDone
          ? { mode: 'wp', type, offset: offset + got.length }
          : type + 1 < WP_TYPES.length
            ? { mode: 'wp', type: type + 1, offset: 0 }
            : null;
        return { posts, next };
      }
      const recent = await client.getRecentPosts(RECENT_MOST);
      return { posts: recent.map((post) => fromMetaweblog(blog, post, pulledAt)), next: null };
    },
  };
}
