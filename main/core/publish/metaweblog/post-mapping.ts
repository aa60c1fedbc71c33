import { joinMore, joinTags, slugify, splitMore, splitTags } from '../../../../shared/publish/post-content';
import type { Draft, DraftFields } from '../../../../shared/model/draft';
import type { XmlRpcStruct } from '../xmlrpc/values';
import type { RemoteMetaweblogPost } from './schemas';

/** The custom field that ties a post to the outbox job that made it, so a lost answer is never sent twice. */
export const JOB_FIELD = 'postwright_publish_id';

export interface PostChoices {
  status: 'draft' | 'publish';
  date: Date | null;
  categories: string[];
  /** Set on create only: the outbox job's id, findable later through getRecentPosts. */
  jobId?: string;
  /** The featured image's attachment id, or '' to remove it (WordPress's wp_post_thumbnail). */
  thumbnail?: string;
}

export function slugFor(draft: Pick<Draft, 'slug' | 'title'>): string {
  return draft.slug.trim() || slugify(draft.title);
}

/** The draft as a MetaWeblog content struct: the body up to "more" as description, the rest as mt_text_more. */
export function toContentStruct(draft: Draft, html: string, choices: PostChoices): XmlRpcStruct {
  const { intro, more } = splitMore(html);
  const struct: XmlRpcStruct = {
    title: draft.title,
    description: intro,
    mt_text_more: more,
    mt_keywords: joinTags(draft.tags),
    categories: choices.categories,
    mt_excerpt: draft.excerpt,
    post_status: choices.status,
  };
  const slug = slugFor(draft);
  if (slug) struct.wp_slug = slug;
  if (choices.date) {
    struct.dateCreated = choices.date;
    struct.date_created_gmt = choices.date;
  }
  if (choices.thumbnail !== undefined) struct.wp_post_thumbnail = choices.thumbnail;
  if (choices.jobId) struct.custom_fields = [{ key: JOB_FIELD, value: choices.jobId }];
  return struct;
}

/** The post's date in UTC: WordPress sends date_created_gmt beside the site-local dateCreated. */
export function postDate(post: RemoteMetaweblogPost): Date | null {
  const gmt = post.date_created_gmt;
  // WordPress sends 00000000T00:00:00 for drafts that have no date yet.
  if (gmt && gmt.getUTCFullYear() > 1900) return gmt;
  return post.dateCreated && post.dateCreated.getUTCFullYear() > 1900 ? post.dateCreated : null;
}

/** A post on the blog as local draft fields. */
export function fromRemotePost(post: RemoteMetaweblogPost): { fields: Partial<DraftFields>; html: string } {
  const date = postDate(post);
  return {
    fields: {
      title: post.title,
      slug: post.wp_slug,
      excerpt: post.mt_excerpt,
      tags: splitTags(post.mt_keywords),
      categories: post.categories.filter((name) => name !== 'Uncategorized'),
      publishAt: date ? date.toISOString() : null,
    },
    html: joinMore(post.description, post.mt_text_more),
  };
}
