import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { html, IndieAuthServer, json } from './indieauth-server';
import { PostStore, type Properties, type StoredPost } from './post-store';
import { fieldValues, readRequest, type RecordedRequest } from './recorded-request';
import { keyedDeep, keyedSource, wordpressPostJson } from './wordpress-answers';
import { DEFAULT_QUIRKS, type MicropubQuirks } from './micropub-quirks';

export { DEFAULT_QUIRKS, WORDPRESS_QUIRKS, type MicropubQuirks } from './micropub-quirks';

type UpdateBody = Parameters<PostStore['update']>[1];

export const SYNDICATION_TARGETS = [
  { uid: 'https://social.example/@author', name: 'Social (@author)' },
  { uid: 'https://archive.example/author', name: 'Archive' },
];

export const SITE_CATEGORIES = ['indieweb', 'events', 'brighton', 'bookmarks'];

export interface MicropubSite {
  /** The home page the author types into "Add a blog". */
  readonly url: string;
  readonly auth: IndieAuthServer;
  readonly posts: PostStore;
  readonly quirks: MicropubQuirks;
  /** Every Micropub and media request since the last `startCase`. */
  readonly log: RecordedRequest[];
  /** Problems in requests that every case forbids (token in the body, missing token). */
  readonly violations: string[];
  readonly micropubUrl: string;
  readonly mediaUrl: string;
  startCase(): void;
  close(): Promise<void>;
}

/** The author's site on 127.0.0.1: discovery links, IndieAuth, a Micropub and a media endpoint. */
export async function startMicropubSite(quirks: Partial<MicropubQuirks> = {}): Promise<MicropubSite> {
  const log: RecordedRequest[] = [];
  const violations: string[] = [];
  const settings: MicropubQuirks = { ...DEFAULT_QUIRKS, ...quirks };
  let base = '';
  let uploads = 0;

  const micropubUrl = () => `${base}micropub${settings.endpointQuery ? `?${settings.endpointQuery}` : ''}`;

  const server: Server = createServer((incoming, response) => {
    readRequest(incoming, base)
      .then((request) => route(request, response))
      .catch((error: Error) => {
        response.writeHead(500, { 'Content-Type': 'text/plain' });
        response.end(error.stack);
      });
  });

  async function route(request: RecordedRequest, response: ServerResponse) {
    const { method, path } = request;
    if (path === '/' && method === 'GET') return home(response);
    if (path === '/elsewhere/' && method === 'GET') {
      // A profile that declares another sign-in server: a token vouching for it must be refused.
      return html(response, 200, '<p>Someone else</p>', {
        Link: '<https://auth.elsewhere.example/auth>; rel="authorization_endpoint", <https://auth.elsewhere.example/token>; rel="token_endpoint"',
      });
    }
    if (path === '/.well-known/oauth-authorization-server') return json(response, 200, auth.metadata());
    if (path === '/auth' && method === 'GET') return auth.authorizationPage(request, response);
    if (path === '/auth' && method === 'POST') return auth.decide(request, response);
    if (path === '/token' && method === 'POST') return auth.token(request, response);
    if (path === '/micropub') return micropub(request, response);
    if (path === '/media' && method === 'POST') return media(request, response);
    if (path === '/xmlrpc.php' && settings.wordpress) {
      response.writeHead(405, { 'Content-Type': 'text/plain' });
      return response.end('XML-RPC services are disabled on this site.');
    }
    if (path.startsWith('/posts/') || path.startsWith('/media/'))
      return html(response, 200, `<p>${path}</p>`);
    html(response, 404, '<p>Not found</p>');
  }

  function home(response: ServerResponse) {
    const links: [string, string][] = [
      ['micropub', micropubUrl()],
      ['indieauth-metadata', `${base}.well-known/oauth-authorization-server`],
      ['authorization_endpoint', `${base}auth`],
      ['token_endpoint', `${base}token`],
    ];
    html(
      response,
      200,
      `<h1>The author's site</h1>${links.map(([rel, href]) => `<link rel="${rel}" href="${href.replace(/&/g, '&amp;')}">`).join('')}`,
      { Link: links.map(([rel, href]) => `<${href}>; rel="${rel}"`).join(', ') },
    );
  }

  /** The checks every request to the Micropub or media endpoint must pass, whatever the case. */
  function authorize(request: RecordedRequest, response: ServerResponse, scope: string): boolean {
    const inBody =
      request.fields.some(([name]) => name === 'access_token') ||
      request.query.some(([name]) => name === 'access_token') ||
      (typeof request.json === 'object' && request.json !== null && 'access_token' in request.json);
    if (inBody) violations.push(`${request.method} ${request.url}: access_token sent in the body or query`);
    if (request.authorization && inBody) {
      json(response, 400, { error: 'invalid_request', error_description: 'Two access tokens were sent.' });
      return false;
    }
    const token = /^Bearer (.+)$/.exec(request.authorization ?? '')?.[1];
    const issued = token ? auth.tokens.get(token) : undefined;
    if (!issued) {
      if (!token) violations.push(`${request.method} ${request.url}: no Authorization header`);
      json(response, 401, { error: 'unauthorized', error_description: 'No valid token.' });
      return false;
    }
    const scopes = issued.scope.split(' ');
    // WordPress lets any token that may post upload media: it checks the account, not the scope.
    const allowed =
      scopes.includes(scope) || (settings.wordpress && scope === 'media' && scopes.includes('create'));
    if (!allowed) {
      if (settings.wordpress) {
        json(response, 403, {
          error: 'insufficient_scope',
          error_description: `insufficient to ${scope} posts`,
          data: scopes,
        });
      } else {
        json(response, 401, {
          error: 'insufficient_scope',
          scope,
          error_description: `The token lacks ${scope}.`,
        });
      }
      return false;
    }
    return true;
  }

  function failIfAsked(response: ServerResponse): boolean {
    const failure = settings.failNext;
    if (!failure) return false;
    settings.failNext = null;
    if (failure.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(failure.retryAfterSeconds));
    if (failure.shape === 'empty') {
      response.writeHead(failure.status);
      response.end();
    } else if (failure.shape === 'html') {
      response.writeHead(failure.status, { 'Content-Type': 'text/html' });
      response.end(
        `<!DOCTYPE html><html><head><title>${failure.description}</title></head><body><h1>Oops</h1></body></html>`,
      );
    } else {
      const body =
        failure.shape === 'code-message'
          ? { code: failure.error, message: failure.description }
          : { error: failure.error, error_description: failure.description };
      json(response, failure.shape === 'in-200' ? 200 : failure.status, body);
    }
    return true;
  }

  async function micropub(request: RecordedRequest, response: ServerResponse) {
    log.push(request);
    if (settings.endpointQuery) {
      const wanted = new URLSearchParams(settings.endpointQuery);
      for (const [name, value] of wanted) {
        if (!request.query.some(([n, v]) => n === name && v === value)) {
          violations.push(
            `${request.method} ${request.url}: the endpoint's own query (${name}=${value}) was dropped`,
          );
        }
      }
    }
    if (request.method === 'GET') return query(request, response);
    const action =
      (request.json as { action?: string } | undefined)?.action ??
      fieldValues(request.fields, 'action')[0] ??
      'create';
    if (!authorize(request, response, action === 'create' ? 'create' : action)) return;
    if (failIfAsked(response)) return;
    if (action === 'create') {
      if (settings.createDelayMs) await new Promise((resolve) => setTimeout(resolve, settings.createDelayMs));
      const files = request.parts.filter((p) => p.filename);
      const urls = files.map((file) => `${base}media/upload-${++uploads}-${file.filename}`);
      const post = posts.createFrom(request, urls, settings.wordpress);
      if (settings.loseNextCreateAnswer) {
        settings.loseNextCreateAnswer = false;
        return response.socket?.destroy();
      }
      const body = settings.createBody ? JSON.stringify({ url: post.url }) : '';
      response.writeHead(settings.createStatus, {
        Location: post.url,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      });
      return response.end(body);
    }
    const url =
      (request.json as { url?: string } | undefined)?.url ?? fieldValues(request.fields, 'url')[0] ?? '';
    // WordPress looks a trashed post up by its guid: the address it was created at.
    const post =
      action === 'undelete' && settings.wordpress
        ? [...posts.posts.values()].find((p) => p.deleted && p.originalUrl === url)
        : posts.posts.get(url);
    if (!post) {
      const missing = action === 'undelete' && settings.wordpress ? `deleted post ${url}` : url;
      return json(response, 400, { error: 'invalid_request', error_description: `${missing} not found` });
    }
    if (action === 'update') return update(post, request.json as UpdateBody, response);
    if (action === 'delete' || action === 'undelete') {
      post.deleted = action === 'delete';
      if (settings.wordpress) return json(response, 200, wordpressPostJson(post));
      response.writeHead(204);
      return response.end();
    }
    json(response, 400, { error: 'invalid_request', error_description: `Unknown action ${action}.` });
  }

  function update(post: StoredPost, body: UpdateBody, response: ServerResponse) {
    const url = post.url;
    posts.update(url, body);
    const name = body.replace?.name?.[0];
    const renames = settings.wordpress || settings.renameOnNewName;
    const now = renames && typeof name === 'string' ? posts.rename(url, name) : url;
    if (settings.wordpress) return json(response, 200, wordpressPostJson(post));
    if (settings.renameOnNewName === 'properties-url') {
      return json(response, 200, { type: post.type, properties: { ...post.properties, url: [now] } });
    }
    if (settings.updateStatus === 201) {
      const moved = posts.move(url);
      response.writeHead(201, { Location: moved });
      return response.end();
    }
    if (settings.updateStatus === 200) return json(response, 200, { url });
    response.writeHead(204);
    return response.end();
  }

  /** A JSON answer whose lists are objects, for a server in that mode. */
  function lists(body: Record<string, unknown>): Record<string, unknown> {
    if (!settings.keyedLists) return body;
    return Object.fromEntries(Object.entries(body).map(([name, value]) => [name, keyedDeep(value)]));
  }

  function query(request: RecordedRequest, response: ServerResponse) {
    const q = new URLSearchParams(request.query);
    if (!authorize(request, response, q.get('q') === 'source' ? 'update' : 'create')) return;
    switch (q.get('q')) {
      case 'config':
        if (settings.configFails) return html(response, 500, '<h1>Internal Server Error</h1>');
        return json(
          response,
          200,
          lists({
            ...(settings.mediaEndpoint ? { 'media-endpoint': `${base}media` } : {}),
            'syndicate-to': SYNDICATION_TARGETS,
            'post-types': [
              { type: 'article', name: 'Article' },
              { type: 'note', name: 'Note' },
            ],
            q: ['config', 'syndicate-to', 'category', 'source'],
            ...(settings.markdown ? { 'content-types': ['text/html', 'text/markdown'] } : {}),
          }),
        );
      case 'syndicate-to':
        return json(response, 200, lists({ 'syndicate-to': SYNDICATION_TARGETS }));
      case 'category':
        return json(response, 200, lists({ categories: SITE_CATEGORIES }));
      case 'source': {
        if (!q.get('url')) {
          // The list form many servers support: recent posts, newest first.
          const limit = Number(q.get('limit') ?? 10);
          const newestFirst = [...posts.posts.values()].filter((p) => !p.deleted).reverse();
          // `after` names the last post of the page before by its number (a cursor the server makes).
          const after = settings.sourcePaging ? q.get('after') : null;
          const start = after ? newestFirst.findIndex((p) => String(p.id) === after) + 1 : 0;
          const page = newestFirst.slice(start, start + limit);
          const items = page.map((p) => ({ type: p.type, properties: { ...p.properties, url: [p.url] } }));
          const more = settings.sourcePaging && start + limit < newestFirst.length;
          return json(response, 200, {
            ...lists({ items }),
            ...(more ? { paging: { after: String(page.at(-1)!.id) } } : {}),
          });
        }
        const post = posts.find(q.get('url') ?? '', settings.renameOnNewName === 'source-only');
        if (!post || post.deleted)
          return json(response, 400, { error: 'invalid_request', error_description: 'No such post.' });
        const wanted = q.getAll('properties[]');
        // A server that still finds a post by an old address says where it lives now.
        const all: Properties =
          settings.renameOnNewName === 'source-only'
            ? { ...post.properties, url: [post.url] }
            : post.properties;
        const chosen: Properties = {};
        for (const [name, values] of Object.entries(all)) {
          if (wanted.length && !wanted.includes(name)) continue;
          chosen[name] = values;
        }
        const properties = settings.sourceAsObjects
          ? Object.fromEntries(Object.entries(chosen).map(([k, v]) => [k, v.length === 1 ? v[0] : v]))
          : settings.keyedLists || settings.wordpress
            ? keyedSource(post, chosen, settings.keyedLists ? 'always' : 'after-removal')
            : chosen;
        return json(response, 200, wanted.length ? { properties } : { type: post.type, properties });
      }
      default:
        return json(response, 400, { error: 'invalid_request', error_description: 'Unknown query.' });
    }
  }

  function media(request: RecordedRequest, response: ServerResponse) {
    log.push(request);
    if (!settings.mediaEndpoint) return html(response, 404, '<p>Not found</p>');
    if (!authorize(request, response, 'media')) return;
    if (failIfAsked(response)) return;
    const file = request.parts.find((part) => part.name === 'file' && part.filename);
    if (!file) return json(response, 400, { error: 'invalid_request', error_description: 'No file part.' });
    response.writeHead(201, { Location: `${base}media/${++uploads}-${file.filename}` });
    response.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const auth = new IndieAuthServer(base);
  const posts = new PostStore(base);

  return {
    url: base,
    auth,
    posts,
    quirks: settings,
    log,
    violations,
    get micropubUrl() {
      return micropubUrl();
    },
    mediaUrl: `${base}media`,
    startCase() {
      log.length = 0;
      violations.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
