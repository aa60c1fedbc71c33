import type { PublishContext } from '../../outbox/publisher';
import type { MetaweblogClient } from './client';
import { JOB_FIELD, postDate, slugFor } from './post-mapping';

/** How many recent posts are searched for a post whose answer was lost. */
const FIND_WINDOW = 50;

/**
 * After an ambiguous failure: the id of the post this job already made, if the blog has it. A post
 * carries the job's id in a custom field; engines without custom fields are matched by slug and title.
 */
export async function findSentPost(
  client: MetaweblogClient,
  context: PublishContext,
): Promise<string | null> {
  context.progress('Checking the blog for a post sent before the connection broke');
  const posts = await client.getRecentPosts(FIND_WINDOW);
  const marked = posts.find((post) =>
    post.custom_fields?.some((field) => field.key === JOB_FIELD && String(field.value) === context.job.id),
  );
  if (marked) return marked.postid;
  // Engines without custom fields: fall back to the slug (WordPress adds -2, -3 to taken ones) and the title.
  if (posts.some((post) => post.custom_fields !== undefined)) return null;
  const slug = slugFor(context.draft);
  const since = new Date(context.job.createdAt).getTime() - 5 * 60_000;
  const match = posts.find((post) => {
    const date = postDate(post);
    return (
      post.title === context.draft.title &&
      (!slug || post.wp_slug === slug || new RegExp(`^${slug}-\\d+$`).test(post.wp_slug)) &&
      (!date || date.getTime() >= since || context.draft.publishAt !== null)
    );
  });
  return match?.postid ?? null;
}
