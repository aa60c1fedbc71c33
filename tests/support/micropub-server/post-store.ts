import { fieldValues, type RecordedRequest } from './recorded-request';

export type Properties = Record<string, unknown[]>;

export interface StoredPost {
  url: string;
  type: string[];
  properties: Properties;
  deleted: boolean;
}

/** Form fields that control the request rather than describe the post. */
const CONTROL_FIELDS = new Set(['h', 'action', 'url', 'access_token']);

/** The posts the test site holds, changed the way a Micropub server changes them. */
export class PostStore {
  readonly posts = new Map<string, StoredPost>();
  private next = 1;

  constructor(private readonly base: string) {}

  createFrom(request: RecordedRequest, uploads: string[]): StoredPost {
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
      if (uploads.length) properties.photo = [...(properties.photo ?? []), ...uploads];
    }
    const slug = (properties['mp-slug']?.[0] as string | undefined) ?? `post-${this.next}`;
    this.next += 1;
    const url = `${this.base}posts/${encodeURIComponent(slug)}`;
    const post: StoredPost = { url, type, properties, deleted: false };
    this.posts.set(url, post);
    return post;
  }

  update(
    url: string,
    body: { replace?: Properties; add?: Properties; delete?: string[] | Properties },
  ): boolean {
    const post = this.posts.get(url);
    if (!post || post.deleted) return false;
    for (const [name, values] of Object.entries(body.replace ?? {})) post.properties[name] = values;
    for (const [name, values] of Object.entries(body.add ?? {})) {
      post.properties[name] = [...(post.properties[name] ?? []), ...values];
    }
    if (Array.isArray(body.delete)) for (const name of body.delete) delete post.properties[name];
    else if (body.delete) {
      for (const [name, values] of Object.entries(body.delete)) {
        post.properties[name] = (post.properties[name] ?? []).filter((value) => !values.includes(value));
        if (!post.properties[name].length) delete post.properties[name];
      }
    }
    return true;
  }

  /** Gives a post a new address (a server that re-slugs on update), returning it. */
  move(url: string): string {
    const post = this.posts.get(url)!;
    this.posts.delete(url);
    post.url = `${url}-renamed`;
    this.posts.set(post.url, post);
    return post.url;
  }

  /** Makes a post as if the author had written it on the site (for q=source and update cases). */
  seed(slug: string, properties: Properties, type = ['h-entry']): StoredPost {
    const url = `${this.base}posts/${slug}`;
    const post: StoredPost = { url, type, properties: structuredClone(properties), deleted: false };
    this.posts.set(url, post);
    return post;
  }
}
