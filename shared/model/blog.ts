import * as z from 'zod';

export const BLOG_PROTOCOLS = ['metaweblog', 'micropub'] as const;
export type BlogProtocol = (typeof BLOG_PROTOCOLS)[number];

/** What a blog can take, discovered when it is added; the post panel shows or hides fields by it. */
export const blogCapabilitiesSchema = z.object({
  categories: z.boolean(),
  /** Categories that do not exist yet can be created (wp.newCategory). */
  newCategories: z.boolean(),
  tags: z.boolean(),
  slug: z.boolean(),
  excerpt: z.boolean(),
  media: z.boolean(),
  /** A future date schedules the post. */
  scheduling: z.boolean(),
  /** Posts can be kept as drafts on the server. */
  serverDrafts: z.boolean(),
  deletion: z.boolean(),
});
export type BlogCapabilities = z.infer<typeof blogCapabilitiesSchema>;

/** The Micropub side of a blog: endpoints found by discovery and filled in by the Micropub sign-in. */
export const micropubInfoSchema = z
  .object({
    endpoint: z.string(),
    mediaEndpoint: z.string().nullable(),
    authorizationEndpoint: z.string().nullable(),
    tokenEndpoint: z.string().nullable(),
    indieauthMetadata: z.string().nullable(),
    /** The author's profile URL as the token endpoint confirmed it. */
    me: z.string().nullable(),
    scope: z.string().nullable(),
  })
  .partial()
  .passthrough();
export type MicropubInfo = z.infer<typeof micropubInfoSchema>;

export const blogSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  homeUrl: z.string(),
  protocol: z.enum(BLOG_PROTOCOLS),
  /** The API address: the XML-RPC endpoint, or the Micropub endpoint. */
  endpoint: z.string(),
  /** The blog's id on the server (MetaWeblog's blogid); '' where the protocol has none. */
  remoteBlogId: z.string(),
  username: z.string().nullable(),
  capabilities: blogCapabilitiesSchema,
  micropub: micropubInfoSchema.nullable(),
  addedAt: z.string(),
  updatedAt: z.string(),
});
export type Blog = z.infer<typeof blogSchema>;

/** One step of discovery as the "Add a blog" dialog shows it, so a failed setup names its step. */
export interface DiscoveryProbe {
  /** What was looked for: "home page", "Link header rel=EditURI", "RSD document", "/xmlrpc.php", ... */
  step: string;
  /** What was fetched or read (a URL, or "Link header of <url>"). */
  target: string;
  outcome: 'found' | 'absent' | 'error';
  /** HTTP status when there was an answer. */
  status?: number;
  /** What was found, or why it failed, in a sentence. */
  detail: string;
}

export interface MetaweblogDiscovery {
  endpoint: string;
  remoteBlogId: string | null;
  /** The API the RSD document named (MetaWeblog, WordPress, ...), or null when /xmlrpc.php was guessed. */
  apiName: string | null;
  /** Methods the endpoint lists (system.listMethods), when it answered. */
  methods: string[];
  capabilities: BlogCapabilities;
}

export interface DiscoveryReport {
  /** The address as typed, normalised (scheme added, fragment dropped). */
  url: string;
  /** The home page after redirects. */
  homeUrl: string;
  title: string | null;
  probes: DiscoveryProbe[];
  metaweblog: MetaweblogDiscovery | null;
  micropub: MicropubInfo | null;
  /** The protocols the blog offers, best first. */
  protocols: BlogProtocol[];
}

/** A blog on the author's account, as `blogger.getUsersBlogs` lists them. */
export interface AccountBlog {
  remoteBlogId: string;
  name: string;
  url: string;
  endpoint: string | null;
  isAdmin: boolean | null;
}

export interface BlogTestResult {
  ok: boolean;
  message: string;
}

export interface BlogCategory {
  name: string;
  id: string | null;
}
