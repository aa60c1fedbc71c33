import * as z from 'zod';
import { webUrl } from '../../../../shared/net/safe-link';

/**
 * What each method's answer must look like. The decoder gives well-typed XML-RPC values, but a
 * server can still send a struct where a post id belongs, so every answer is checked here.
 * Ids come as int or string depending on the engine: both are accepted and kept as strings.
 */
const idSchema = z.union([z.string().min(1), z.number().int()]).transform(String);
const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');
const optionalDate = z.date().nullish();

export const usersBlogsSchema = z.array(
  z.object({
    blogid: idSchema,
    blogName: text,
    url: text,
    xmlrpc: z.string().optional(),
    isAdmin: z.union([z.boolean(), z.number()]).optional(),
  }),
);

export const customFieldSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  key: z.string(),
  value: z.unknown(),
});

export const remotePostSchema = z.object({
  postid: idSchema,
  title: text,
  description: text,
  mt_text_more: text,
  mt_excerpt: text,
  mt_keywords: text,
  categories: z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
  wp_slug: text,
  link: text,
  permaLink: text,
  dateCreated: optionalDate,
  date_created_gmt: optionalDate,
  post_status: z.string().nullish(),
  custom_fields: z.array(customFieldSchema).optional(),
  /** WordPress: the featured image's attachment id ('' or 0 when none). */
  wp_post_thumbnail: z.union([z.string(), z.number()]).nullish(),
});
export type RemoteMetaweblogPost = z.infer<typeof remotePostSchema>;

export const recentPostsSchema = z.array(remotePostSchema);

export const categoriesSchema = z.array(
  z.object({
    categoryId: z.union([z.string(), z.number()]).transform(String).optional(),
    categoryName: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
  }),
);

export const newPostSchema = idSchema;
export const booleanResultSchema = z.union([z.boolean(), z.literal(1), z.literal(0)]).transform(Boolean);
export const newCategorySchema = idSchema;
export const mediaObjectSchema = z.object({
  // The URL replaces the image's src in the published post: only a web address may.
  url: z.string().refine((url) => webUrl(url) !== null, 'a web address (http or https)'),
  id: z.unknown().optional(),
  file: z.string().optional(),
});
export const listMethodsSchema = z.array(z.string());
/** wp.getMediaLibrary: the fields used to recognise an earlier upload (WordPress titles it by file name). */
export const mediaLibrarySchema = z.array(
  z
    .object({
      title: z.string().optional(),
      link: z.string().optional(),
      attachment_id: z.union([z.string(), z.number()]).optional(),
    })
    .loose(),
);

/** wp.getMediaItem: where a file of the library (a featured image) lives. */
export const mediaItemSchema = z
  .object({
    link: z.string().refine((url) => webUrl(url) !== null, 'a web address (http or https)'),
  })
  .loose();

/** wp.getPosts (WordPress): a page of posts with their terms, dates and featured image. */
export const wpPostsSchema = z.array(
  z
    .object({
      post_id: idSchema,
      post_title: text,
      post_type: text,
      post_status: text,
      post_name: text,
      post_content: text,
      post_excerpt: text,
      link: text,
      post_date_gmt: optionalDate,
      post_modified_gmt: optionalDate,
      terms: z
        .array(z.object({ taxonomy: z.string(), name: z.string() }).loose())
        .nullish()
        .transform((value) => value ?? []),
      post_thumbnail: z
        .union([z.object({ link: z.string().optional() }).loose(), z.array(z.unknown())])
        .nullish(),
    })
    .loose(),
);
export type WpPost = z.infer<typeof wpPostsSchema>[number];
