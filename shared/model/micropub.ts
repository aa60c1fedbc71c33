import * as z from 'zod';
import type { DiscoveryReport } from './blog';

/**
 * Micropub's vocabulary: microformats2 properties whose values are always lists. A value is plain
 * text, HTML content, a URL with alt text, or a nested mf2 object (an h-card as an event's location).
 */
export type Mf2Value =
  string | { html: string; value?: string } | { value: string; alt?: string } | Mf2Object;

export interface Mf2Object {
  type: string[];
  properties: Mf2Properties;
}

export type Mf2Properties = Record<string, Mf2Value[]>;

export const MICROPUB_FORMATS = ['json', 'form', 'multipart'] as const;
export type MicropubFormat = (typeof MICROPUB_FORMATS)[number];

export const POST_KINDS = ['article', 'note', 'bookmark', 'event'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** The author's Micropub choices for one publish; unset ones follow the draft (title → article, else note). */
export const micropubPublishOptionsSchema = z
  .object({
    kind: z.enum(POST_KINDS).optional(),
    format: z.enum(MICROPUB_FORMATS).optional(),
    syndicateTo: z.array(z.string().min(1).max(2000)).max(50).optional(),
    visibility: z.enum(['public', 'unlisted', 'private']).optional(),
    destination: z.string().min(1).max(2000).optional(),
  })
  .strict();
export type MicropubPublishOptions = z.infer<typeof micropubPublishOptionsSchema>;

export interface SyndicationTarget {
  uid: string;
  name: string;
}

/** `q=config`, reduced to what Postwright uses; a missing or broken answer is an empty config. */
export interface MicropubConfig {
  mediaEndpoint: string | null;
  syndicateTo: SyndicationTarget[];
  destinations: SyndicationTarget[];
  postTypes: { type: string; name: string }[];
  queries: string[];
  /** The server takes Markdown as `content` (main/core/publish/markdown-content.ts). */
  markdown?: boolean;
  /** The property a featured image goes as: `featured` unless the server's post types suggest `photo`. */
  featured?: 'featured' | 'photo';
}

/** A post as `q=source` returns it, with every property normalised to a list. */
export interface MicropubSource {
  type: string[];
  properties: Mf2Properties;
}

/** Where a sign-in stands: the page to open in the system browser while Postwright waits for the redirect. */
export interface SignInStart {
  sessionId: string;
  authorizationUrl: string;
}

/** Values for an update: `--replace`, `--add`, `--delete` (a name alone removes the whole property). */
const mf2ValueSchema: z.ZodType<Mf2Value> = z.lazy(() =>
  z.union([
    z.string().max(5_000_000),
    z.object({ html: z.string().max(50_000_000), value: z.string().optional() }).strict(),
    z.object({ value: z.string().max(5000), alt: z.string().max(5000).optional() }).strict(),
    z.object({ type: z.array(z.string().max(100)).max(10), properties: mf2PropertiesSchema }).strict(),
  ]),
);
export const mf2PropertiesSchema: z.ZodType<Mf2Properties> = z.record(
  z.string().min(1).max(200),
  z.array(mf2ValueSchema).max(1000),
);

const blogUrl = z.string().url().max(2000);

/** "Add a blog" for a site that offers Micropub: the endpoints discovery found, and a token if pasted. */
export const micropubBlogAddSchema = z
  .object({
    protocol: z.literal('micropub'),
    homeUrl: blogUrl,
    endpoint: blogUrl,
    mediaEndpoint: blogUrl.nullable().optional(),
    indieauthMetadata: blogUrl.nullable().optional(),
    authorizationEndpoint: blogUrl.nullable().optional(),
    tokenEndpoint: blogUrl.nullable().optional(),
    name: z.string().max(300).optional(),
    /** A token made on the site by hand; without one, sign in with IndieAuth next. */
    token: z.string().min(1).max(10_000).optional(),
  })
  .strict();
export type MicropubBlogAdd = z.infer<typeof micropubBlogAddSchema>;

/** The Micropub blog discovery found, as `blogs-add` takes it; named after the site unless `name` is given. */
export function micropubBlogAddFrom(report: DiscoveryReport, name?: string): MicropubBlogAdd {
  const found = report.micropub;
  if (!found?.endpoint) throw new Error(`${report.homeUrl} names no Micropub endpoint.`);
  const chosenName = name ?? report.title;
  return {
    protocol: 'micropub',
    homeUrl: report.homeUrl,
    endpoint: found.endpoint,
    mediaEndpoint: found.mediaEndpoint ?? null,
    indieauthMetadata: found.indieauthMetadata ?? null,
    authorizationEndpoint: found.authorizationEndpoint ?? null,
    tokenEndpoint: found.tokenEndpoint ?? null,
    ...(chosenName ? { name: chosenName } : {}),
  };
}
