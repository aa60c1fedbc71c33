import * as z from 'zod';
import { method } from './define';
import type { Blog } from '../model/blog';
import {
  mf2PropertiesSchema,
  micropubPublishOptionsSchema,
  type MicropubConfig,
  type MicropubSource,
  type SignInStart,
  type SyndicationTarget,
} from '../model/micropub';

const blogId = z.string().min(1).max(100).optional();
const id = z.string().min(1).max(100);
const postUrl = z.string().url().max(2000);

/** Micropub blogs: IndieAuth sign-in, the server's configuration, and editing posts already on the blog. */
export const micropubMethods = {
  /**
   * Starts an IndieAuth sign-in: Postwright listens on a loopback port and answers with the page the
   * author approves on. The host opens it (Electron: the system browser; browser host: a new tab; CLI: printed).
   */
  'micropub-sign-in-start': method(z.object({ blogId: id }).strict()).returns<SignInStart>(),
  /** Waits for the author to approve (or decline) on that page; answers with the signed-in blog. */
  'micropub-sign-in-finish': method(
    z.object({ sessionId: z.string().min(1).max(100) }).strict(),
  ).returns<Blog>(),
  'micropub-sign-in-cancel': method(
    z.object({ sessionId: z.string().min(1).max(100) }).strict(),
  ).returns<boolean>(),
  /** A token made on the site by hand, pasted instead of signing in; checked with q=config. */
  'micropub-set-token': method(
    z.object({ blogId: id, token: z.string().min(1).max(10_000) }).strict(),
  ).returns<Blog>(),
  'micropub-sign-out': method(z.object({ blogId }).strict()).returns<Blog>(),
  'micropub-config': method(z.object({ blogId }).strict()).returns<MicropubConfig>(),
  'micropub-syndicate-to': method(z.object({ blogId }).strict()).returns<SyndicationTarget[]>(),
  'micropub-categories': method(z.object({ blogId }).strict()).returns<string[]>(),
  /** `q=source`: the post's properties, all or the named ones. */
  'micropub-source': method(
    z
      .object({ blogId, url: postUrl, properties: z.array(z.string().min(1).max(200)).max(100).optional() })
      .strict(),
  ).returns<MicropubSource>(),
  /**
   * Replaces, adds or removes values and properties of a post; answers with its URL, and the one it
   * had when the blog moved it (a new name re-slugs a post on WordPress). Linked drafts follow it.
   */
  'micropub-update': method(
    z
      .object({
        blogId,
        url: postUrl,
        replace: mf2PropertiesSchema.optional(),
        add: mf2PropertiesSchema.optional(),
        delete: z.union([z.array(z.string().min(1).max(200)).max(200), mf2PropertiesSchema]).optional(),
      })
      .strict(),
  ).returns<{ url: string; movedFrom: string | null }>(),
  /**
   * Before publishing: what the draft would lose on its Micropub blog (alt text a multipart request
   * cannot carry), so the author can decide first. Nothing for other blogs.
   */
  'micropub-publish-check': method(
    z.object({ draftId: id, blogId, micropub: micropubPublishOptionsSchema.optional() }).strict(),
  ).returns<{ warnings: string[] }>(),
  'micropub-delete': method(z.object({ blogId, url: postUrl }).strict()).returns<{ url: string }>(),
  'micropub-undelete': method(z.object({ blogId, url: postUrl }).strict()).returns<{ url: string }>(),
  /** Uploads a file to the blog's media endpoint; answers with its URL. */
  'media-upload': method(
    z
      .object({
        blogId,
        filename: z.string().min(1).max(255),
        mimeType: z.string().min(1).max(200),
        dataBase64: z.string().max(140_000_000),
      })
      .strict(),
  ).returns<{ url: string }>(),
};
