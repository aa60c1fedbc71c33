/** Ways real servers differ from the spec, switched on per test (see `micropub-site.ts`). */
export interface MicropubQuirks {
  /** Answer a create with 202 Accepted instead of 201. */
  createStatus: 201 | 202;
  /** Put a JSON body in the create answer (some servers do, most send none). */
  createBody: boolean;
  /** The next POST to the Micropub or media endpoint fails this way. */
  failNext: {
    status: number;
    error: string;
    description: string;
    /** `empty`: the status alone, with no body at all. */
    shape: 'oauth' | 'code-message' | 'html' | 'in-200' | 'empty';
    /** Sent as Retry-After (seconds): the client is to wait that long before it tries again. */
    retryAfterSeconds?: number;
  } | null;
  /** q=source answers single values as objects, not lists. */
  sourceAsObjects: boolean;
  /** q=config answers 500 with an HTML page. */
  configFails: boolean;
  /** The discovered Micropub endpoint carries a query string (checked on every request). */
  endpointQuery: string | null;
  /** The site has a media endpoint (named in q=config). */
  mediaEndpoint: boolean;
  /** How an update is answered: 200, 201 with the post's new address, or 204. */
  updateStatus: 200 | 201 | 204;
  /** The next create is stored but its answer is lost (the connection drops). */
  loseNextCreateAnswer: boolean;
  /** Time a create takes on the server, as a real site spends storing a post (benchmarks). */
  createDelayMs: number;
  /**
   * WordPress with the Micropub plugin, as its source answers: a new `name` re-slugs the post and
   * the update answers 200 with the post's row (`post_url`, `guid`) and no Location; undelete finds
   * a trashed post only by the address it was created at (its guid); q=source sends a list a value
   * was removed from as an object (`{"1":"a","2":"b"}`); the media endpoint takes a token that may
   * only create; a missing scope is a 403; /xmlrpc.php answers 405 (XML-RPC turned off).
   */
  wordpress: boolean;
  /**
   * Other ways a server may move a post whose `name` changes: 'properties-url' answers 200 with
   * an mf2 body naming its new `properties.url`; 'source-only' answers 204, and q=source still finds
   * the post by an old address and names the new one. null: posts keep their address.
   */
  renameOnNewName: 'properties-url' | 'source-only' | null;
  /** q=source, q=config and q=category send every list as an object keyed by position. */
  keyedLists: boolean;
  /** q=config lists `text/markdown` in `content-types`: the site takes Markdown as content. */
  markdown: boolean;
  /** q=config lists each post type's properties, `photo` but no `featured`: a featured image goes as a photo. */
  postTypeProperties: boolean;
  /**
   * The list form of q=source pages: `limit` posts after the one named by `after`, and a
   * `paging.after` cursor while more follow. false: the plain list (the first `limit`, no cursor).
   */
  sourcePaging: boolean;
}

export const DEFAULT_QUIRKS: MicropubQuirks = {
  createStatus: 201,
  createBody: false,
  failNext: null,
  sourceAsObjects: false,
  configFails: false,
  endpointQuery: null,
  mediaEndpoint: true,
  updateStatus: 204,
  loseNextCreateAnswer: false,
  createDelayMs: 0,
  wordpress: false,
  renameOnNewName: null,
  keyedLists: false,
  markdown: false,
  postTypeProperties: false,
  sourcePaging: true,
};

/** The local site in its WordPress mode (see `wordpress`). */
export const WORDPRESS_QUIRKS: Partial<MicropubQuirks> = { wordpress: true };
