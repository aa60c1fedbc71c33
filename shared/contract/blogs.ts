import * as z from 'zod';
import { method } from './define';
import type { AccountBlog, Blog, BlogCategory, BlogTestResult, DiscoveryReport } from '../model/blog';
import { micropubBlogAddSchema } from '../model/micropub';

const id = z.string().min(1).max(100);
const url = z.string().min(1).max(2000);
const secret = z.string().min(1).max(1000);

/** A MetaWeblog blog: the account's blog picked from `blogs-account-blogs`. */
export const metaweblogBlogAddSchema = z
  .object({
    protocol: z.literal('metaweblog'),
    homeUrl: url,
    endpoint: url,
    remoteBlogId: z.string().max(200),
    name: z.string().max(300).optional(),
    username: z.string().min(1).max(300),
    password: secret,
  })
  .strict();

/** Each protocol adds its own member (Micropub: token or sign-in) to this union. */
export const blogAddSchema = z.discriminatedUnion('protocol', [
  metaweblogBlogAddSchema,
  micropubBlogAddSchema,
]);

export const blogsMethods = {
  /** Reads the home page and follows its links; every probe and its result is in the report. */
  'blogs-discover': method(z.object({ url }).strict()).returns<DiscoveryReport>(),
  /** Signs in to an XML-RPC endpoint and lists the account's blogs (blogger.getUsersBlogs). */
  'blogs-account-blogs': method(
    z.object({ endpoint: url, username: z.string().min(1).max(300), password: secret }).strict(),
  ).returns<AccountBlog[]>(),
  'blogs-add': method(blogAddSchema).returns<Blog>(),
  'blogs-list': method(z.object({}).strict()).returns<Blog[]>(),
  'blogs-update': method(
    z
      .object({
        id,
        patch: z
          .object({
            name: z.string().min(1).max(300),
            username: z.string().min(1).max(300),
            password: secret,
            endpoint: url,
            remoteBlogId: z.string().max(200),
          })
          .partial()
          .strict(),
      })
      .strict(),
  ).returns<Blog>(),
  /** Signs in with the saved credentials and says whether publishing would work. */
  'blogs-test': method(z.object({ id }).strict()).returns<BlogTestResult>(),
  'blogs-remove': method(z.object({ id }).strict()).returns<boolean>(),
  'blogs-categories': method(z.object({ id }).strict()).returns<BlogCategory[]>(),
};

export interface BlogsEvents {
  /** The list of blogs changed (added, edited, removed). */
  'blogs-changed': Blog[];
}
