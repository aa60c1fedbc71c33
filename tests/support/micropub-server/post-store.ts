import { fieldValues, type RecordedRequest } from './recorded-request';

export type Properties = Record<string, unknown[]>;

export interface StoredPost {
  /** A number of its own, as WordPress gives every post an ID. */
  id: number;
  url: string;
  /** The address it was created at (WordPress keeps it as the post's guid, whatever the slug becomes). */
  originalUrl: string;
  /** Addresses it had before it was renamed, oldest first. */
  formerUrls: string[];
  type: string[];
  properties: Properties;
  /**
   * For a property a value was removed from: the positions its remaining values had. PHP's
   * array_diff keeps keys, so WordPress then sends the list as an object keyed by them.
   */
  keptPositions: Record<string, number[]>;
  deleted: boolean;
}

/** Form fields that control the request rather than describe the post. */
const CONTROL_FIELDS = new Set(['h', 'action', 'url', 'access_token']);

/** The posts the test site holds, changed the way a Micropub server changes them. */
export class PostStore {
  readonly posts = new Map<string, StoredPost>();
  private next = 1;

  constructor(private readonly base: string) {}

  /** `slugFromName`: a post without `mp-slug` is named after its `name`, as WordPress does. */
  createFrom(
    request: RecordedRequest,
    uploads: { property: 'photo' | 'featured'; url: string }[],
    slugFromName = false,
  ): StoredPost {
    let type = ['h-entry'];
    let properties: Properties = {};
    if (request.json && typeof request.json === 'object') {
      const body = request.json as { type?: string[]; properties?: Properties };
      type = body.type ?? type;
      properties = structuredClone(body.properties ?? {});
    } else {
      type = [`h-${fieldValues(request.fields, 'h')[0] ?? 'entry'}`];
      for (const [key] of request.fields) {
        const name = key.replace(/\[\]$/, '');
        if (CONTROL_FIELDS.has(name) || properties[name]) continue;
        properties[name] = fieldValues(request.fields, name);
      }
      for (const upload of uploads)
        properties[upload.property] = [...(properties[upload.property] ?? []), upload.url];
    }
    const name = properties.name?.[0];
    const slug =
      (properties['mp-slug']?.[0] as string | undefined) ??
      (slugFromName && typeof name === 'string' ? this.free(slugOf(name)) : `post-${this.next}`);
    return this.store(`${this.base}posts/${encodeURIComponent(slug)}`, type, properties);
  }

  private store(url: string, type: string[], properties: Properties): StoredPost {
    const post: StoredPost = {
      id: this.next++,
      url,
      originalUrl: url,
      formerUrls: [],
      type,
      properties,
      keptPositions: {},
      deleted: false,
    };
    this.posts.set(url, post);
    return post;
  }

  /** The post at an address it has now, or (`former`) had before a rename. */
  find(url: string, former = false): StoredPost | undefined {
    return (
      this.posts.get(url) ??
      (former ? [...this.posts.values()].find((post) => post.formerUrls.includes(url)) : undefined)
    );
  }

  update(
    url: string,
    body: { replace?: Properties; add?: Properties; delete?: string[] | Properties },
  ): boolean {
    const post = this.posts.get(url);
    if (!post || post.deleted) return false;
    const renumbered = (name: string) => delete post.keptPositions[name];
    for (const [name, values] of Object.entries(body.replace ?? {})) {
      post.properties[name] = values;
      renumbered(name);
    }
    for (const [name, values] of Object.entries(body.add ?? {})) {
      post.properties[name] = [...(post.properties[name] ?? []), ...values];
      renumbered(name);
    }
    if (Array.isArray(body.delete)) {
      for (const name of body.delete) {
        delete post.properties[name];
        renumbered(name);
      }
    } else if (body.delete) {
      for (const [name, values] of Object.entries(body.delete)) {
        const had = post.properties[name] ?? [];
        const positions = post.keptPositions[name] ?? had.map((_, index) => index);
        const kept = had.flatMap((value, index) => (values.includes(value) ? [] : [index]));
        post.properties[name] = kept.map((index) => had[index]);
        post.keptPositions[name] = kept.map((index) => positions[index]!);
        if (!kept.length) {
          delete post.properties[name];
          renumbered(name);
        }
      }
    }
    return true;
  }

  /** Gives a post a new address (a server that re-slugs on update), returning it. */
  move(url: string, to = `${url}-renamed`): string {
    const post = this.posts.get(url)!;
    if (to === url) return url;
    this.posts.delete(url);
    post.formerUrls.push(url);
    post.url = to;
    this.posts.set(post.url, post);
    return post.url;
  }

  /** Re-slugs a post from its new name, as WordPress does when an update replaces `name`. */
  rename(url: string, name: string): string {
    const slug = slugOf(name);
    return this.move(url, `${this.base}posts/${url.endsWith(`/${slug}`) ? slug : this.free(slug)}`);
  }

  /** `slug`, or `slug-2`, `slug-3`… when a post has it already. */
  private free(slug: string): string {
    let free = slug;
    for (let n = 2; this.posts.has(`${this.base}posts/${free}`); n++) free = `${slug}-${n}`;
    return free;
  }

  /** Makes a post as if the author had written it on the site (for q=source and update cases). */
  seed(slug: string, properties: Properties, type = ['h-entry']): StoredPost {
    return this.store(`${this.base}posts/${slug}`, type, structuredClone(properties));
  }
}

function slugOf(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'post'
  );
}
