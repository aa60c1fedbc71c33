import { resolveLocation } from './endpoint-url';
import {
  changedProperties,
  createdAddress,
  expectSuccess,
  MAY_MOVE,
  postUrlInBody,
} from './micropub-answers';
import { MicropubFailure } from './micropub-errors';
import {
  asList,
  EMPTY_CONFIG,
  parseCategories,
  parseConfig,
  parseSource,
  parseSyndicateTo,
} from './micropub-responses';
import { noDetails, postTo, queryJson, type PostBody, type TransportOptions } from './micropub-transport';
import { checkFormat, formBody, formFields, jsonCreate, jsonUpdate, multipartCreate } from './request-body';
import type {
  MicropubAction,
  MicropubConfig,
  MicropubCreate,
  MicropubFormat,
  MicropubSource,
  MicropubUpdate,
  SyndicationTarget,
} from './micropub-types';

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

export interface MicropubClientOptions extends TransportOptions {
  /** The Micropub endpoint, exactly as discovered (it may carry a query string). */
  endpoint: string;
  mediaEndpoint?: string | null;
}

export interface CreateResult {
  /** The post's URL from `Location`; null when a server accepted the post but did not say where. */
  url: string | null;
  status: number;
}

/**
 * A Micropub client over the core's axios instance (micropub-transport.ts): the token travels only
 * in the Authorization header (never also in the body), answers are size-capped and validated, and
 * every request has a deadline. Errors are MicropubFailures: a sentence for the author plus traits
 * for the outbox.
 */
export class MicropubClient {
  constructor(private readonly options: MicropubClientOptions) {}

  get endpoint(): string {
    return this.options.endpoint;
  }

  async create(post: MicropubCreate, format: MicropubFormat): Promise<CreateResult> {
    checkFormat(post, format);
    const body: PostBody =
      format === 'json'
        ? { text: jsonCreate(post), type: JSON_TYPE }
        : format === 'form'
          ? { text: formBody(formFields(post)).toString(), type: FORM_TYPE }
          : multipartCreate(post);
    const context = { properties: Object.keys(post.properties) };
    const answer = await this.post('create', this.options.endpoint, body);
    return { url: createdAddress(answer, 'create', context), status: answer.status };
  }

  /** Uploads one file to the media endpoint (multipart, part `file`) and returns its URL from Location. */
  async upload(file: { filename: string; mimeType: string; data: Uint8Array }): Promise<string> {
    const endpoint = this.options.mediaEndpoint;
    if (!endpoint) throw new MicropubFailure('not-found', 'This blog has no media endpoint.', noDetails());
    const form = new FormData();
    form.append('file', new Blob([file.data], { type: file.mimeType }), file.filename);
    const answer = await this.post('media', endpoint, form);
    const url = createdAddress(answer, 'media');
    if (!url) {
      throw new MicropubFailure(
        'remote-error',
        'The media endpoint took the file but did not say where it is (no Location). The post was not sent.',
        noDetails(answer.status),
      );
    }
    return url;
  }

  /**
   * Updates a post; 200, 201 and 204 are success. Answers with the post's URL now: a server may move
   * a post whose name changes (WordPress re-slugs it), saying where in `Location`, in a JSON body
   * (`url`, WordPress's `post_url`, `properties.url`), or only when asked with q=source.
   */
  async update(url: string, update: MicropubUpdate): Promise<string> {
    const answer = await this.post('update', this.options.endpoint, {
      text: jsonUpdate(url, update),
      type: JSON_TYPE,
    });
    expectSuccess(answer, 'update', { properties: changedProperties(update), url });
    const named = answer.headers.location
      ? resolveLocation(answer.headers.location, answer.url)
      : postUrlInBody(answer);
    if (named) return named;
    if (!MAY_MOVE.some((name) => update.replace?.[name])) return url;
    return (await this.whereNow(url)) ?? url;
  }

  /** Where the blog says a post lives now, asked by an address it had (null when it cannot say). */
  private async whereNow(url: string): Promise<string | null> {
    try {
      const source = await this.source(url, ['url']);
      const now = source.properties.url?.[0];
      return typeof now === 'string' ? resolveLocation(now, url) : null;
    } catch {
      return null;
    }
  }

  async delete(url: string): Promise<void> {
    await this.action('delete', url);
  }

  async undelete(url: string): Promise<void> {
    await this.action('undelete', url);
  }

  /** `q=config`; a server that fails it or answers oddly has an empty configuration (MICROPUB.md). */
  async config(): Promise<MicropubConfig> {
    try {
      return parseConfig(await this.query([['q', 'config']]));
    } catch (error) {
      if (error instanceof MicropubFailure && error.code === 'remote-error') return EMPTY_CONFIG;
      throw error;
    }
  }

  async syndicateTo(): Promise<SyndicationTarget[]> {
    try {
      return parseSyndicateTo(await this.query([['q', 'syndicate-to']]));
    } catch (error) {
      // Older servers list targets only in q=config.
      if (error instanceof MicropubFailure && error.code === 'remote-error')
        return (await this.config()).syndicateTo;
      throw error;
    }
  }

  async categories(): Promise<string[]> {
    try {
      return parseCategories(await this.query([['q', 'category']]));
    } catch (error) {
      if (error instanceof MicropubFailure && error.code === 'remote-error') return [];
      throw error;
    }
  }

  /** `q=source`: the whole post, or only the named properties (`properties[]`). */
  async source(url: string, properties: string[] = []): Promise<MicropubSource> {
    const params: [string, string][] = [['q', 'source']];
    for (const name of properties) params.push(['properties[]', name]);
    params.push(['url', url]);
    const source = parseSource(await this.query(params));
    if (!source) {
      throw new MicropubFailure(
        'remote-error',
        'The blog sent back something that is not a post.',
        noDetails(200),
      );
    }
    return source;
  }

  /**
   * Recent posts, where the server lists them (`q=source` without a url, an extension many servers
   * support); null when it does not, so a caller can say it could not check.
   */
  async recent(limit: number): Promise<MicropubSource[] | null> {
    let json: unknown;
    try {
      json = await this.query([
        ['q', 'source'],
        ['limit', String(limit)],
      ]);
    } catch (error) {
      if (error instanceof MicropubFailure && error.code === 'remote-error') return null;
      throw error;
    }
    const items = (json as { items?: unknown })?.items;
    if (!items || typeof items !== 'object') return null;
    return asList(items)
      .slice(0, limit)
      .flatMap((item) => {
        const source = parseSource(item);
        return source ? [source] : [];
      });
  }

  /**
   * One page of the post list (`q=source` with `limit`, and `after` from the page before); `after`
   * is the server's cursor for the next page, null when it sent none. Null when it lists no posts.
   */
  async sourcePage(
    limit: number,
    after: string | null,
  ): Promise<{ items: MicropubSource[]; after: string | null } | null> {
    const params: [string, string][] = [
      ['q', 'source'],
      ['limit', String(limit)],
    ];
    if (after !== null) params.push(['after', after]);
    const json = (await this.query(params)) as { items?: unknown; paging?: { after?: unknown } } | null;
    if (!json?.items || typeof json.items !== 'object') return null;
    const next = json.paging?.after;
    return {
      items: asList(json.items).flatMap((item) => {
        const source = parseSource(item);
        return source ? [source] : [];
      }),
      after: typeof next === 'string' && next && next.length <= 2000 && next !== after ? next : null,
    };
  }

  private async action(action: 'delete' | 'undelete', url: string): Promise<void> {
    const answer = await this.post(action, this.options.endpoint, {
      text: formBody([
        ['action', action],
        ['url', url],
      ]).toString(),
      type: FORM_TYPE,
    });
    expectSuccess(answer, action, { url });
  }

  private query(params: [string, string][]): Promise<unknown> {
    return queryJson(this.options, this.options.endpoint, params);
  }

  private post(action: MicropubAction, url: string, body: PostBody) {
    return postTo(this.options, action, url, body);
  }
}
